package tsos.monitor.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShareTest {

    @ParameterizedTest(name = "{0} / {1} = {2} %")
    @CsvSource({
            // Khabarovsk 2022
            "11869, 148870, 7.97",
            "7591, 10851, 69.96",
            "38, 385, 9.87",
            // Krasnoyarsk 2024, «Моя школа» dashboard
            "894, 905, 98.78",
            "211, 894, 23.60",
            "22864, 29249, 78.17",
            "16547, 367226, 4.51",
            // whole and nothing
            "0, 10, 0.00",
            "10, 10, 100.00"})
    void the_percent_of_a_share_has_two_decimals(long numerator, long denominator, String percent) {
        assertEquals(Optional.of(Percent.of(percent)), new Share(numerator, denominator).percent());
    }

    @Test
    void the_percent_is_rounded_half_up() {
        // 1 / 32 = 3.125 %: half-up gives 3.13, where half-even would give 3.12
        assertEquals("3.13", new Share(1, 32).percent().orElseThrow().toString());
        // 1 / 800 = 0.125 %
        assertEquals("0.13", new Share(1, 800).percent().orElseThrow().toString());
        // 1 / 3 = 33.333… % is rounded down
        assertEquals("33.33", new Share(1, 3).percent().orElseThrow().toString());
    }

    @Test
    void the_printed_13_4_percent_of_krasnoyarsk_students_is_not_what_the_counts_say() {
        Percent computed = new Share(16_547, 367_226).percent().orElseThrow();

        assertEquals(Percent.of("4.51"), computed);
        assertFalse(computed.equals(Percent.of("13.40")));
    }

    @Test
    void a_numerator_above_its_denominator_is_inconsistent_and_has_no_percent() {
        // teachers in Sferum 18,013 of 17,218 teachers: never 104.62 %
        Share share = new Share(18_013, 17_218);

        assertFalse(share.isConsistent());
        assertEquals(Optional.empty(), share.percent());
    }

    @Test
    void a_numerator_equal_to_its_denominator_is_consistent() {
        assertTrue(new Share(17_218, 17_218).isConsistent());
    }

    @Test
    void a_zero_denominator_has_no_percent() {
        assertEquals(Optional.empty(), new Share(0, 0).percent());
        assertTrue(new Share(0, 0).isConsistent());
    }

    @Test
    void a_negative_count_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Share(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new Share(1, -10));
    }

    @Test
    void shares_add_up_as_the_ratio_of_their_sums() {
        Share sum = new Share(1, 10).plus(new Share(90, 100));

        assertEquals(new Share(91, 110), sum);
        assertEquals(Percent.of("82.73"), sum.percent().orElseThrow());
    }

    @Test
    void a_sum_that_overflows_is_refused_rather_than_wrapped() {
        assertThrows(ArithmeticException.class, () -> new Share(1, Long.MAX_VALUE).plus(new Share(1, 1)));
    }

    @Test
    void a_share_shows_its_counts_and_percent() {
        assertEquals("11869 / 148870 = 7.97 %", new Share(11_869, 148_870).toString());
        assertEquals("18013 / 17218", new Share(18_013, 17_218).toString());
    }
}
