package tsos.monitor.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tsos.monitor.bench.NationalData.Municipality;
import tsos.monitor.bench.NationalData.Planned;
import tsos.monitor.bench.NationalData.Region;
import tsos.monitor.bench.NationalData.Report;
import tsos.monitor.bench.NationalData.School;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.trend.YearForecastRule;

/**
 * The backtest of the year forecast (docs/forecast.md): on the synthetic national year, every region and
 * municipality and every percent-planned indicator, forecasts made at months 3–9 against the December actual.
 * A month's status is each school's latest report whose week ends in the month, summed as the service sums them
 * (ratio of sums, inconsistent schools left out). Prints, per month and method, the mean absolute error in
 * percentage points and how often OFF_TRACK was right (and how many of the misses it warned of).
 */
public final class ForecastBacktest {

    /** Indicator → (numerator, denominator) as indices of {@link NationalData#METRICS}; 2.3 (schools) is left out. */
    private static final Map<Planned, int[]> SHARES = new LinkedHashMap<>();

    static {
        SHARES.put(Planned.STUDENTS_WITH_ACCESS, new int[] {1, 0});
        SHARES.put(Planned.TEACHERS_USING, new int[] {4, 2});
        SHARES.put(Planned.TEACHERS_REGISTERED, new int[] {5, 2});
        SHARES.put(Planned.TEACHERS_ACTIVE, new int[] {6, 5});
        SHARES.put(Planned.STUDENTS_REGISTERED, new int[] {7, 0});
    }

    /** A way to project December's percent from the months known at the forecast month. */
    interface Projection {
        Percent project(Month asOf, Map<Month, Share> known, Percent target);
    }

    record Method(String name, Projection projection) {
    }

    static final List<Method> METHODS = List.of(
            new Method("Theil-Sen (YearForecastRule)", (asOf, known, target) -> YearForecastRule
                    .forecast(asOf, known, Optional.of(target)).forecastPercent().orElseThrow()),
            new Method("the share stays where it is", (asOf, known, target) -> known.get(asOf).percent().orElseThrow()),
            new Method("least squares line", ForecastBacktest::leastSquares));

    record Series(String territory, Planned indicator, Percent target, Map<Month, Share> months) {
    }

    record Score(double meanAbsoluteErrorPp, int offTrack, int offTrackRight, int missed, int missedWarned) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Run()).execute(args));
    }

    @Command(name = "forecast-backtest", mixinStandardHelpOptions = true,
            description = "Backtests the year forecast on the synthetic national year (docs/forecast.md).")
    static final class Run implements Callable<Integer> {
        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--scale", defaultValue = "1.0", description = "Share of the country (default: "
                + "${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--year", defaultValue = "2024", description = "Year (default: ${DEFAULT-VALUE}).")
        int year;

        @Override
        public Integer call() {
            NationalData data = NationalData.generate(seed, scale, year, NationalData.isoWeeksIn(year));
            System.out.println(data.describe());
            List<Series> series = series(data, year);
            System.out.printf(Locale.ROOT, "%,d series (regions and municipalities x %d indicators)%n", series.size(),
                    SHARES.size());
            for (int month = 3; month <= 9; month++) {
                long started = System.nanoTime();
                score(METHODS.get(0), Month.of(year, month), series);
                System.out.printf(Locale.ROOT, "forecast and score of every series at month %d: %.1f ms%n", month,
                        (System.nanoTime() - started) / 1e6);
            }
            System.out.printf(Locale.ROOT, "%-30s %5s %8s %10s %9s %9s%n", "method", "month", "MAE pp",
                    "OFF_TRACK", "right", "warned");
            for (Method method : METHODS) {
                for (int month = 3; month <= 9; month++) {
                    Score score = score(method, Month.of(year, month), series);
                    System.out.printf(Locale.ROOT, "%-30s %5d %8.2f %10d %8.1f%% %8.1f%%%n", method.name(), month,
                            score.meanAbsoluteErrorPp(), score.offTrack(),
                            percent(score.offTrackRight(), score.offTrack()),
                            percent(score.missedWarned(), score.missed()));
                }
            }
            return 0;
        }
    }

    static List<Series> series(NationalData data, int year) {
        // Each school's latest report of each month: the weeks in order, the later overwriting.
        Map<Integer, Map<School, long[]>> latest = new HashMap<>();
        for (int week = 1; week <= NationalData.isoWeeksIn(year); week++) {
            LocalDate end = new IsoWeek(year, week).end();
            if (end.getYear() != year) {
                continue;
            }
            Map<School, long[]> month = latest.computeIfAbsent(end.getMonthValue(), m -> new HashMap<>());
            for (Report report : data.week(week)) {
                month.put(report.school(), report.counts());
            }
        }
        List<Series> series = new ArrayList<>();
        for (Region region : data.regions()) {
            for (Planned planned : SHARES.keySet()) {
                series.add(new Series(region.code(), planned, target(region.plan(planned)),
                        months(region.municipalities().stream().flatMap(m -> m.schools().stream()).toList(),
                                planned, latest, year)));
                for (Municipality municipality : region.municipalities()) {
                    series.add(new Series(municipality.code(), planned, target(municipality.plan(planned)),
                            months(municipality.schools(), planned, latest, year)));
                }
            }
        }
        return series;
    }

    private static Percent target(NationalData.Plan plan) {
        return Percent.ofHundredths(plan.hundredthsOf(12));
    }

    private static Map<Month, Share> months(List<School> schools, Planned planned, Map<Integer, Map<School,
            long[]>> latest, int year) {
        int[] metrics = SHARES.get(planned);
        Map<Month, Share> months = new HashMap<>();
        latest.forEach((month, reports) -> {
            Share sum = Share.NONE;
            for (School school : schools) {
                long[] counts = reports.get(school);
                if (counts != null && counts[metrics[0]] <= counts[metrics[1]]) {
                    sum = sum.plus(new Share(counts[metrics[0]], counts[metrics[1]]));
                }
            }
            months.put(Month.of(year, month), sum);
        });
        return months;
    }

    static Score score(Method method, Month asOf, List<Series> series) {
        Month december = Month.of(asOf.value().getYear(), 12);
        long errorHundredths = 0;
        int counted = 0;
        int offTrack = 0;
        int offTrackRight = 0;
        int missed = 0;
        int missedWarned = 0;
        for (Series one : series) {
            Map<Month, Share> known = new HashMap<>(one.months());
            known.keySet().removeIf(month -> month.compareTo(asOf) > 0);
            Optional<Percent> actual = Optional.ofNullable(one.months().get(december)).flatMap(Share::percent);
            if (actual.isEmpty() || !known.containsKey(asOf) || known.get(asOf).percent().isEmpty()) {
                continue;
            }
            Percent projected = method.projection().project(asOf, known, one.target());
            errorHundredths += Math.abs(projected.hundredths() - actual.get().hundredths());
            counted++;
            boolean warned = projected.compareTo(one.target()) < 0;
            boolean missedTarget = actual.get().compareTo(one.target()) < 0;
            offTrack += warned ? 1 : 0;
            offTrackRight += warned && missedTarget ? 1 : 0;
            missed += missedTarget ? 1 : 0;
            missedWarned += warned && missedTarget ? 1 : 0;
        }
        return new Score(counted == 0 ? 0 : errorHundredths / 100.0 / counted, offTrack, offTrackRight, missed,
                missedWarned);
    }

    /** The ordinary least-squares line through the months known, read at December: the non-robust comparison. */
    private static Percent leastSquares(Month asOf, Map<Month, Share> known, Percent target) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Map.Entry<Month, Share> entry : known.entrySet()) {
            Optional<Percent> percent = entry.getValue().percent();
            if (percent.isPresent()) {
                double x = entry.getKey().value().getMonthValue();
                double y = percent.get().hundredths();
                n++;
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double december = (sy - slope * sx) / n + slope * 12;
        return Percent.ofHundredths(Math.max(0, Math.min(10_000, Math.round(december))));
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
