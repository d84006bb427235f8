package tsos.monitor.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;

class LevelBandsTest {

    @ParameterizedTest(name = "{0} % is {1}")
    @CsvSource({
            "0.00, low",
            "7.97, low",
            "29.99, low",
            "30.00, sufficient",
            "69.96, sufficient",
            "69.99, sufficient",
            "70.00, high",
            "100.00, high"})
    void every_bound_belongs_to_the_level_above_it(String percent, String level) {
        assertEquals(level, Catalogue.LOW_SUFFICIENT_HIGH.levelOf(Percent.of(percent)).orElseThrow().name());
    }

    @Test
    void levels_with_a_gap_between_them_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new LevelBands(List.of(
                new Level("low", Percent.of("0"), Optional.of(Percent.of("30"))),
                new Level("sufficient", Percent.of("31"), Optional.of(Percent.of("70"))))));
    }

    @Test
    void a_level_that_ends_where_it_starts_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Level("empty", Percent.of("30"), Optional.of(Percent.of("30"))));
    }

    @Test
    void an_indicator_without_bands_has_no_level() {
        assertEquals(Optional.empty(), LevelBands.NONE.levelOf(Percent.of("50")));
    }
}
