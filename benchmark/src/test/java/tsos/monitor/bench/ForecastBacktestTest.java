package tsos.monitor.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tsos.monitor.domain.period.Month;

/** The forecast is kept only while it beats "the share stays where it is" on the synthetic year. */
class ForecastBacktestTest {

    @Test
    void the_year_forecast_is_closer_to_december_than_the_share_staying_where_it_is_at_every_month_from_3_to_9() {
        NationalData data = NationalData.generate(7, 0.05, 2024, NationalData.isoWeeksIn(2024));
        var series = ForecastBacktest.series(data, 2024);
        ForecastBacktest.Method forecast = ForecastBacktest.METHODS.get(0);
        ForecastBacktest.Method stays = ForecastBacktest.METHODS.get(1);

        for (int month = 3; month <= 9; month++) {
            var ours = ForecastBacktest.score(forecast, Month.of(2024, month), series);
            var naive = ForecastBacktest.score(stays, Month.of(2024, month), series);
            assertTrue(ours.meanAbsoluteErrorPp() < naive.meanAbsoluteErrorPp(),
                    "month " + month + ": " + ours + " against " + naive);
            assertTrue(ours.offTrackRight() * naive.offTrack() > naive.offTrackRight() * ours.offTrack(),
                    "month " + month + ": OFF_TRACK right less often than the naive one's");
        }
    }
}
