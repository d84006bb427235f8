package tsos.monitor.domain.plan;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Year;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Plans;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;

class MonthlyPlanTest {

    @Test
    void a_plan_has_twelve_months() {
        assertThrows(IllegalArgumentException.class, () -> new MonthlyPlan(new IndicatorCode("2.1"),
                Territories.khabarovskKrai().code(), Year.of(2022), Collections.nCopies(11, Optional.of(Percent.of("10")))));
    }

    @Test
    void a_planned_percent_above_100_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> Plans.constant("2.1", Territories.khabarovskKrai(), 2022, "100.01"));
    }

    @Test
    void plans_and_quotas_are_not_set_for_schools() {
        var school = Territories.school(Territories.amurskyDistrict(), "1");

        assertThrows(IllegalArgumentException.class, () -> Plans.constant("2.1", school, 2022, "10"));
        assertThrows(IllegalArgumentException.class, () -> Plans.quota("2.3", school, 2022, 1));
    }

    @Test
    void a_negative_quota_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> Plans.quota("2.3", Territories.amurskyDistrict(), 2022, -1));
    }
}
