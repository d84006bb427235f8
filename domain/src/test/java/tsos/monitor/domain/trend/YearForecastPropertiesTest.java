package tsos.monitor.domain.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;

class YearForecastPropertiesTest {

    @Property(tries = 500)
    void a_straight_line_of_shares_is_projected_to_its_december_value_within_0_and_100(
            @ForAll @IntRange(min = 0, max = 10_000) int january,
            @ForAll @IntRange(min = -500, max = 500) int hundredthsPerMonth,
            @ForAll @IntRange(min = 2, max = 11) int asOf) {
        Map<Month, Share> actuals = new HashMap<>();
        for (int month = 1; month <= asOf; month++) {
            long hundredths = Math.max(0, Math.min(10_000, january + (long) hundredthsPerMonth * (month - 1)));
            actuals.put(Month.of(2024, month), new Share(hundredths, 10_000));
        }
        long december = january + 11L * hundredthsPerMonth;
        boolean straight = january + (long) hundredthsPerMonth * (asOf - 1) >= 0
                && january + (long) hundredthsPerMonth * (asOf - 1) <= 10_000;
        YearForecast forecast = YearForecastRule.forecast(Month.of(2024, asOf), actuals, Optional.of(Percent.of("50")));

        long projected = forecast.forecastPercent().orElseThrow().hundredths();
        if (straight) {
            assertEquals(Math.max(0, Math.min(10_000, december)), projected);
        }
        assertEquals(projected >= 5_000 ? ForecastState.ON_TRACK : ForecastState.OFF_TRACK, forecast.state());
    }
}
