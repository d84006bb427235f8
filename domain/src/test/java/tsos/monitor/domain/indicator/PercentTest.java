package tsos.monitor.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentTest {

    @Test
    void a_percent_with_three_decimals_is_refused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Percent.of("7.975"));
        assertTrue(refused.getMessage().contains("two decimals"), refused.getMessage());
    }

    @Test
    void trailing_zeros_beyond_two_decimals_are_not_a_third_decimal() {
        assertEquals(Percent.of("7.97"), Percent.of("7.9700"));
    }

    @Test
    void a_percent_is_always_written_with_two_decimals() {
        assertEquals("10.00", Percent.of("10").toString());
        assertEquals("48.25", Percent.of(" 48.25 ").toString());
        assertEquals(new BigDecimal("10.00"), Percent.of("10").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "7,97", "10%"})
    void text_that_is_not_a_number_is_refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Percent.of(text));
    }

    @Test
    void hundredths_are_the_exact_value() {
        assertEquals(797, Percent.of("7.97").hundredths());
        assertEquals(Percent.of("7.97"), Percent.ofHundredths(797));
    }

    @Test
    void a_gap_is_the_difference_in_percentage_points() {
        assertEquals(Percent.of("-2.03"), Percent.of("7.97").minus(Percent.of("10")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "100.01", "104"})
    void a_target_outside_0_to_100_is_refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Percent.of(text).checkedAsTarget());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "35", "100"})
    void a_target_between_0_and_100_is_accepted(String text) {
        assertEquals(Percent.of(text), Percent.of(text).checkedAsTarget());
    }
}
