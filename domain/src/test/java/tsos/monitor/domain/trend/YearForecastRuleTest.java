package tsos.monitor.domain.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;

class YearForecastRuleTest {

    private static final Optional<Percent> FIFTY = Optional.of(Percent.of("50"));

    /** Shares of 1,000 with these permille values for January, February, … */
    private static Map<Month, Share> months(long... permille) {
        Map<Month, Share> shares = new LinkedHashMap<>();
        for (int i = 0; i < permille.length; i++) {
            shares.put(Month.of(2024, i + 1), new Share(permille[i], 1_000));
        }
        return shares;
    }

    private static YearForecast at(int month, Map<Month, Share> actuals, Optional<Percent> target) {
        return YearForecastRule.forecast(Month.of(2024, month), actuals, target);
    }

    @Test
    void a_linear_series_is_projected_exactly_to_december() {
        // 30.0 %, 31.5 %, 33.0 %, 34.5 %: 1.5 points a month reach 46.5 % in December, 3.5 short of 50.
        YearForecast forecast = at(4, months(300, 315, 330, 345), FIFTY);

        assertEquals(Optional.of(Percent.of("46.50")), forecast.forecastPercent());
        assertEquals(ForecastState.OFF_TRACK, forecast.state());
        assertEquals(Optional.of(Percent.of("1.94")), forecast.requiredPpPerMonth()); // 15.5 points over 8 months
        assertEquals(OptionalLong.of(155), forecast.needed());
    }

    @Test
    void a_summer_dip_is_not_read_as_a_trend() {
        // One point a month from 41 % in January, but July and August fall to 30 %: still 52 % in December.
        YearForecast forecast = at(9, months(410, 420, 430, 440, 450, 460, 300, 300, 490), FIFTY);

        assertEquals(Optional.of(Percent.of("52.00")), forecast.forecastPercent());
        assertEquals(ForecastState.ON_TRACK, forecast.state());
    }

    @Test
    void the_summer_holidays_are_left_out_of_the_line_when_three_other_months_are_known() {
        // Two points a month from 20 % to May, then June to August at 10 %: the year still heads for 42 %.
        YearForecast forecast = at(8, months(200, 220, 240, 260, 280, 100, 100, 100), FIFTY);

        assertEquals(Optional.of(Percent.of("42.00")), forecast.forecastPercent());
        // A summer alone is all there is to go by.
        assertEquals(Optional.of(Percent.of("10.00")),
                YearForecastRule.forecast(Month.of(2024, 8), Map.of(Month.of(2024, 6), new Share(100, 1_000),
                        Month.of(2024, 7), new Share(100, 1_000)), FIFTY).forecastPercent());
    }

    @Test
    void a_dip_in_the_latest_month_does_not_drag_the_projection() {
        // Two points a month from 20 %, then a holiday May at 15 %: still heading for 42 %, not staying at 15.
        YearForecast forecast = at(5, months(200, 220, 240, 260, 150), FIFTY);

        assertEquals(Optional.of(Percent.of("42.00")), forecast.forecastPercent());
        assertEquals(OptionalLong.of(350), forecast.needed()); // from where it is now: 150 of 1,000
    }

    @Test
    void a_flat_series_stays_where_it_is_and_needs_the_whole_gap() {
        YearForecast forecast = at(6, months(450, 450, 450, 450, 450, 450), FIFTY);

        assertEquals(Optional.of(Percent.of("45.00")), forecast.forecastPercent());
        assertEquals(ForecastState.OFF_TRACK, forecast.state());
        assertEquals(Optional.of(Percent.of("0.83")), forecast.requiredPpPerMonth()); // 5 points over 6 months
        assertEquals(OptionalLong.of(50), forecast.needed()); // 50 more of 1,000
    }

    @Test
    void a_territory_already_above_its_target_is_on_track_and_needs_nothing() {
        YearForecast forecast = at(3, months(600, 610, 620), FIFTY);

        assertEquals(ForecastState.ON_TRACK, forecast.state());
        assertEquals(Optional.of(Percent.of("0")), forecast.requiredPpPerMonth());
        assertEquals(OptionalLong.of(0), forecast.needed());
        assertEquals(Optional.of(Percent.of("71.00")), forecast.forecastPercent());
    }

    @Test
    void a_projection_stays_within_a_hundred_percent() {
        assertEquals(Optional.of(Percent.of("100")), at(3, months(800, 900, 1_000), FIFTY).forecastPercent());
    }

    @Test
    void in_december_the_pace_is_the_whole_gap() {
        YearForecast forecast = at(12, months(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 480), FIFTY);

        assertEquals(Optional.of(Percent.of("2.00")), forecast.requiredPpPerMonth());
    }

    @Test
    void months_after_the_forecast_month_are_not_known_yet() {
        assertEquals(at(2, months(300, 315), FIFTY), at(2, months(300, 315, 900, 900), FIFTY));
    }

    @Test
    void without_a_december_plan_there_is_no_target_and_without_a_percent_no_data() {
        assertEquals(ForecastState.NO_TARGET, at(3, months(300, 310, 320), Optional.empty()).state());
        assertEquals(ForecastState.NO_DATA, at(3, Map.of(Month.of(2024, 3), new Share(0, 0)), FIFTY).state());
        assertEquals(ForecastState.NO_DATA, at(3, Map.of(), FIFTY).state());
    }

    @Test
    void the_number_needed_is_the_smallest_count_whose_percent_shows_the_target() {
        // 6 more active schools: 33 % of 347 schools is 114.51, so 115 schools; 109 are active.
        assertEquals(6, YearForecastRule.needed(new Share(109, 347), Percent.of("33")));
        // Half-up: 2 of 3 = 66.67 %, which shows 66.67; one of 3 short of it is 33.33.
        assertEquals(1, YearForecastRule.needed(new Share(1, 3), Percent.of("66.67")));
        // 66.665 % rounds half-up to 66.67: 13,333 of 20,000 (66.665 %) shows the target.
        assertEquals(0, YearForecastRule.needed(new Share(13_333, 20_000), Percent.of("66.67")));
        assertEquals(0, YearForecastRule.needed(new Share(300, 347), Percent.of("33")));
    }
}
