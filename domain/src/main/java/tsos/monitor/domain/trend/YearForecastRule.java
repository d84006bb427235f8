package tsos.monitor.domain.trend;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;

/**
 * Whether a territory will reach its year target (December's plan), from this year's monthly statuses up to
 * the month the forecast is made at.
 *
 * <p>The projection is the Theil–Sen line through the months with a percent (month number → percent), read at
 * December, within 0–100 %. Seasonal dips are normal in activity indicators and are not a trend: the summer
 * holidays (June, July, August) are left out of the line whenever three other months are known, and any other
 * dip (a New Year week in a January report, a holiday month) is a minority of the months, which the median of
 * the pairwise slopes outvotes, where a least-squares line would bend to it and "the share stays where it is"
 * would take it for the year's end. With one month the projection is that month. docs/forecast.md has the
 * backtest that chose it.
 *
 * <p>The pace needed is (target − the latest actual) per remaining month (the whole gap in December), never
 * below zero; the number needed is the smallest count that reaches the target as shown, at the latest
 * denominator, minus the latest numerator.
 */
public final class YearForecastRule {

    private static final int DECEMBER = 12;
    private static final Set<Integer> SUMMER_HOLIDAYS = Set.of(6, 7, 8);
    private static final int MONTHS_ENOUGH_WITHOUT_SUMMER = 3;

    private YearForecastRule() {
    }

    /**
     * @param actuals this year's monthly shares; months after {@code asOf} or of another year are ignored
     * @param yearTarget December's percent plan, if there is one
     */
    public static YearForecast forecast(Month asOf, Map<Month, Share> actuals, Optional<Percent> yearTarget) {
        SortedMap<Month, Share> known = new TreeMap<>();
        actuals.forEach((month, share) -> {
            if (month.value().getYear() == asOf.value().getYear() && month.compareTo(asOf) <= 0
                    && share.percent().isPresent()) {
                known.put(month, share);
            }
        });
        if (yearTarget.isEmpty()) {
            return new YearForecast(asOf, projection(known), yearTarget, Optional.empty(), OptionalLong.empty(),
                    ForecastState.NO_TARGET);
        }
        if (known.isEmpty()) {
            return new YearForecast(asOf, Optional.empty(), yearTarget, Optional.empty(), OptionalLong.empty(),
                    ForecastState.NO_DATA);
        }
        Percent target = yearTarget.get();
        Share latest = known.get(known.lastKey());
        Percent forecast = projection(known).orElseThrow();
        int remaining = DECEMBER - asOf.value().getMonthValue();
        long gap = Math.max(0, target.hundredths() - latest.percent().orElseThrow().hundredths());
        Percent pace = Percent.ofHundredths(remaining == 0 ? gap : Math.floorDiv(2 * gap + remaining, 2L * remaining));
        ForecastState state = forecast.compareTo(target) >= 0 ? ForecastState.ON_TRACK : ForecastState.OFF_TRACK;
        return new YearForecast(asOf, Optional.of(forecast), yearTarget, Optional.of(pace),
                OptionalLong.of(needed(latest, target)), state);
    }

    /** The Theil–Sen projection at December (summer left out when it can be), in hundredths half-up, within 0–100 %; empty without data. */
    static Optional<Percent> projection(SortedMap<Month, Share> known) {
        if (known.isEmpty()) {
            return Optional.empty();
        }
        List<Month> outsideSummer = known.keySet().stream()
                .filter(month -> !SUMMER_HOLIDAYS.contains(month.value().getMonthValue())).toList();
        List<Month> months = outsideSummer.size() >= MONTHS_ENOUGH_WITHOUT_SUMMER ? outsideSummer
                : List.copyOf(known.keySet());
        double[] x = new double[months.size()];
        double[] y = new double[months.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = months.get(i).value().getMonthValue();
            y[i] = known.get(months.get(i)).percent().orElseThrow().hundredths();
        }
        long hundredths = Math.round(TheilSen.fit(x, y).at(DECEMBER));
        return Optional.of(Percent.ofHundredths(Math.max(0, Math.min(10_000, hundredths))));
    }

    /** How many more are needed at this denominator for the percent, as shown, to reach the target. */
    public static long needed(Share now, Percent target) {
        long denominator = now.denominator();
        // ceil(target · denominator / 100), then down while one fewer still shows the target (half-up rounding).
        BigInteger exact = BigInteger.valueOf(target.hundredths())
                .multiply(BigInteger.valueOf(denominator));
        BigInteger[] division = exact.divideAndRemainder(BigInteger.valueOf(10_000));
        long count = division[0].longValueExact() + (division[1].signum() > 0 ? 1 : 0);
        while (count > 0 && new Share(count - 1, denominator).percent()
                .filter(percent -> percent.compareTo(target) >= 0).isPresent()) {
            count--;
        }
        return Math.max(0, count - now.numerator());
    }
}
