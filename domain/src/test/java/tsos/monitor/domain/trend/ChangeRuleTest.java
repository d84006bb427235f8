package tsos.monitor.domain.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;

class ChangeRuleTest {

    private static PeriodChange change(Share previous, Share current) {
        return ChangeRule.between(Optional.of(previous), Optional.of(current)).orElseThrow();
    }

    @Test
    void the_count_changes_relatively_as_the_dashboard_arrow_prints_it() {
        // «Моя школа»: 211 active schools against 144 last week is "↑ 46.5 %".
        PeriodChange change = change(new Share(144, 400), new Share(211, 400));

        assertEquals(Optional.of(new BigDecimal("46.5")), change.numeratorChangePercent());
        assertEquals(Direction.UP, change.direction());
    }

    @Test
    void the_share_changes_in_percentage_points_as_the_difference_of_the_percents_shown() {
        // 141 / 325 = 43.38 %, 150 / 330 = 45.45 %: +2.07 points, whatever the unrounded difference.
        PeriodChange change = change(new Share(141, 325), new Share(150, 330));

        assertEquals(Optional.of(Percent.of("2.07")), change.changePp());
        assertEquals(Optional.of(new BigDecimal("6.4")), change.numeratorChangePercent());
    }

    @Test
    void a_share_that_fell_while_its_count_grew_points_down() {
        PeriodChange change = change(new Share(50, 100), new Share(55, 120));

        assertEquals(Optional.of(Percent.of("-4.17")), change.changePp());
        assertEquals(Optional.of(new BigDecimal("10.0")), change.numeratorChangePercent());
        assertEquals(Direction.DOWN, change.direction());
    }

    @Test
    void an_unchanged_share_is_flat() {
        assertEquals(Direction.FLAT, change(new Share(3, 10), new Share(6, 20)).direction());
        assertEquals(Optional.of(Percent.of("0")), change(new Share(3, 10), new Share(6, 20)).changePp());
    }

    @Test
    void growth_from_zero_has_no_relative_size_but_a_direction() {
        PeriodChange change = change(new Share(0, 10), new Share(4, 10));

        assertTrue(change.numeratorChangePercent().isEmpty());
        assertEquals(Direction.UP, change.direction());
    }

    @Test
    void a_share_without_a_percent_moves_with_its_count() {
        PeriodChange change = change(new Share(5, 0), new Share(3, 0));

        assertTrue(change.changePp().isEmpty());
        assertEquals(Direction.DOWN, change.direction());
    }

    @Test
    void there_is_no_change_without_a_previous_period() {
        assertTrue(ChangeRule.between(Optional.empty(), Optional.of(new Share(1, 2))).isEmpty());
        assertTrue(ChangeRule.between(Optional.of(new Share(1, 2)), Optional.empty()).isEmpty());
    }
}
