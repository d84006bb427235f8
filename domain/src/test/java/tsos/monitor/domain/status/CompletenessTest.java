package tsos.monitor.domain.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.indicator.Percent;

class CompletenessTest {

    private static final LocalDate END_OF_MAY = LocalDate.of(2024, 5, 31);

    @Test
    void a_report_first_arrived_by_the_deadline_after_the_period_is_on_time_and_a_second_later_is_not() {
        Duration fifteenDays = Duration.ofDays(15);
        assertTrue(Completeness.onTime(Instant.parse("2024-06-16T00:00:00Z"), END_OF_MAY, fifteenDays));
        assertFalse(Completeness.onTime(Instant.parse("2024-06-16T00:00:01Z"), END_OF_MAY, fifteenDays));
    }

    @Test
    void the_reporting_rate_is_a_share_of_counts_summed_over_territories() {
        Completeness anadyr = Completeness.NONE.with(true, true).with(true, false).with(false, false);
        Completeness pevek = Completeness.NONE.with(false, false).with(false, false).with(false, false);

        Completeness region = anadyr.plus(pevek);

        assertEquals(new Completeness(6, 2, 1), region);
        assertEquals(Percent.of("33.33"), region.receivedShare().percent().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new Completeness(1, 1, 2));
    }
}
