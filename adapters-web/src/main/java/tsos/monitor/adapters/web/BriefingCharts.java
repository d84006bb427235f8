package tsos.monitor.adapters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tsos.monitor.application.RegionalBriefing;
import tsos.monitor.domain.indicator.Level;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.status.IndicatorStatus;

/**
 * The geometry of the briefing's pictures, drawn by the template as inline SVG (no script, nothing fetched):
 * the year's plan as a line over the months' actuals as columns with the forecast to December dashed, and the
 * children as bars sorted by their percent and coloured by level band. Every coordinate is computed here; the
 * template only places what it is given.
 */
public final class BriefingCharts {

    private static final int WIDTH = 680;
    private static final int LEFT = 48;
    private static final int RIGHT = WIDTH - 4;
    private static final int TOP = 12;
    private static final int PLOT_HEIGHT = 160;
    private static final int BAR_ROW = 20;
    private static final int BAR_HEIGHT = 14;
    /** From a bar's top to its labels' baseline. */
    private static final int BAR_TEXT = 12;
    private static final int NAME_WIDTH = 230;
    private static final int BAR_WIDTH = WIDTH - NAME_WIDTH - 70;

    public record Column(int x, int y, int width, int height, String label, int labelX, int labelY) {
    }

    /** A horizontal grid line at {@code y}, its label ending at {@code labelX}. */
    public record Tick(int y, String label, int labelX, int labelY) {
    }

    public record MonthLabel(int x, int y, String label) {
    }

    /**
     * @param gridFrom       where the grid lines start and end
     * @param forecastPoints the dashed line from the briefing month's actual to December's forecast, or ""
     */
    public record YearChart(int width, int height, int gridFrom, int gridTo, String planPoints,
                            String forecastPoints, List<Column> columns, List<Tick> ticks, List<MonthLabel> months) {

        public String viewBox() {
            return "0 0 " + width + " " + height;
        }
    }

    /** A bar at {@code (x, y)}, its name ending at {@code nameX}, its value from {@code valueX}, both at {@code textY}. */
    public record Bar(int x, int y, int width, int height, String cssClass, String name, int nameX, String value,
                      int valueX, int textY) {
    }

    public record BarChart(int width, int height, List<Bar> bars) {

        public String viewBox() {
            return "0 0 " + width + " " + height;
        }
    }

    private final RussianFormat format;

    BriefingCharts(RussianFormat format) {
        this.format = format;
    }

    /** Empty for a plan in quotas (counts, not a share): its table says it. */
    Optional<YearChart> year(RegionalBriefing.YearPlan year) {
        if (year.months().stream().noneMatch(s -> s.planPercent().isPresent())) {
            return Optional.empty();
        }
        double top = Math.min(100, Math.max(10, Math.ceil(java.util.stream.Stream.concat(year.months().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.planPercent(), s.percent()).flatMap(Optional::stream)),
                        year.forecast().forecastPercent().stream())
                .mapToDouble(p -> p.value().doubleValue()).max().orElse(10) * 1.1 / 10) * 10));
        int step = (WIDTH - LEFT - 8) / 12;
        List<Column> columns = new ArrayList<>();
        List<MonthLabel> months = new ArrayList<>();
        List<String> plan = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            IndicatorStatus month = year.months().get(i);
            int x = LEFT + i * step;
            months.add(new MonthLabel(x + step / 2, TOP + PLOT_HEIGHT + 18, format.monthShort(month.month())));
            month.planPercent().ifPresent(p -> plan.add((x + step / 2) + "," + y(p, top)));
            month.percent().ifPresent(p -> columns.add(new Column(x + step / 5, y(p, top), step * 3 / 5,
                    TOP + PLOT_HEIGHT - y(p, top), format.percent(p), x + step / 2, y(p, top) - 4)));
        }
        int from = year.forecast().asOf().value().getMonthValue() - 1;
        String forecast = from == 11 ? "" : year.latestPercent().flatMap(latest -> year.forecast().forecastPercent()
                .map(december -> (LEFT + from * step + step / 2) + "," + y(latest, top) + " "
                        + (LEFT + 11 * step + step / 2) + "," + y(december, top))).orElse("");
        List<Tick> ticks = List.of(tick(y(Percent.ofHundredths(0), top), "0 %"),
                tick(TOP + PLOT_HEIGHT / 2, (int) (top / 2) + " %"), tick(TOP, (int) top + " %"));
        return Optional.of(new YearChart(WIDTH, TOP + PLOT_HEIGHT + 24, LEFT, RIGHT, String.join(" ", plan), forecast,
                columns, ticks, months));
    }

    /** The children with a percent, highest first, each bar in its band's colour. */
    BarChart bars(RegionalBriefing.Children children) {
        List<Level> levels = children.indicator().bands().levels();
        List<IndicatorStatus> ranked = children.ranking().ranked().stream().filter(s -> s.percent().isPresent())
                .collect(Collectors.toList());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            IndicatorStatus status = ranked.get(i);
            Percent percent = status.percent().orElseThrow();
            int y = i * BAR_ROW + 4;
            int width = Math.max(1, (int) Math.round(percent.value().doubleValue() * BAR_WIDTH / 100));
            bars.add(new Bar(NAME_WIDTH, y, width, BAR_HEIGHT, "band-" + status.level().map(levels::indexOf).orElse(0)
                    + "-of-" + levels.size(), status.territory().name(), NAME_WIDTH - 6, format.percent(percent),
                    NAME_WIDTH + width + 4, y + BAR_TEXT));
        }
        return new BarChart(WIDTH, ranked.size() * BAR_ROW + 8, bars);
    }

    private static Tick tick(int y, String label) {
        return new Tick(y, label, LEFT - 6, y + 4);
    }

    private static int y(Percent percent, double top) {
        return TOP + PLOT_HEIGHT - (int) Math.round(percent.value().doubleValue() / top * PLOT_HEIGHT);
    }
}
