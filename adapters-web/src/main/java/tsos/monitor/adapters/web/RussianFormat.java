package tsos.monitor.adapters.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tsos.monitor.domain.indicator.Level;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.PlanSource;
import tsos.monitor.domain.status.IndicatorStatus;

/**
 * Figures as a regional ministry writes them: a decimal comma, thousands apart, month names in Russian
 * ("ноябрь 2022" in a heading), percentage points as "п. п.". The templates call it as {@code fmt}.
 */
public final class RussianFormat {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final String NO_BREAK = "\u00a0";
    private static final Map<String, String> LEVELS = Map.of("low", "низкий", "sufficient", "достаточный",
            "high", "высокий");
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", RUSSIAN);

    private final ZoneId zone;

    RussianFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** "ноябрь 2022": the nominative, as a heading names a month. */
    public String month(Month month) {
        return month.value().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, RUSSIAN) + " "
                + month.value().getYear();
    }

    /** "янв.", for the columns of the year table. */
    public String monthShort(Month month) {
        return month.value().getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, RUSSIAN);
    }

    public String count(long count) {
        return NumberFormat.getIntegerInstance(RUSSIAN).format(count).replace('\u202f', '\u00a0');
    }

    public String percent(Percent percent) {
        return decimal(percent) + NO_BREAK + "%";
    }

    public String percent(Optional<Percent> percent) {
        return percent.map(this::percent).orElse("—");
    }

    /** "−2,03 п. п.", "+59,96 п. п.": a gap says its sign. */
    public String points(Optional<Percent> points) {
        return points.map(p -> (p.hundredths() > 0 ? "+" : p.hundredths() < 0 ? "−" : "")
                + decimal(new Percent(p.value().abs())) + NO_BREAK + "п." + NO_BREAK + "п.").orElse("—");
    }

    /** The actual as counts and percent: "11 869 из 148 870 — 7,97 %". */
    public String actual(IndicatorStatus status) {
        return status.actual().map(share -> count(share.numerator()) + " из " + count(share.denominator())
                + status.percent().map(p -> " — " + percent(p)).orElse("")).orElse("нет данных");
    }

    /** The plan that applied: a percent or a quota, and whose. */
    public String plan(IndicatorStatus status) {
        String target = status.planPercent().map(this::percent)
                .or(() -> status.quota().map(q -> count(q) + " (квота)")).orElse("—");
        return status.plan().filter(p -> p.source() == PlanSource.REGION).map(p -> target + ", план региона")
                .orElse(target);
    }

    public String level(Optional<Level> level) {
        return level.map(this::level).orElse("—");
    }

    public String level(Level level) {
        return LEVELS.getOrDefault(level.name(), level.name());
    }

    public String state(IndicatorStatus status) {
        return switch (status.state()) {
            case ABOVE_PLAN -> "план выполнен";
            case BELOW_PLAN -> "ниже плана";
            case NO_PLAN -> "план не установлен";
            case NO_DATA -> "нет данных";
            case INCONSISTENT -> "противоречивые данные";
        };
    }

    public String received(Optional<Instant> received) {
        return received.map(at -> RECEIVED.format(at.atZone(zone)) + " (" + zone.getId() + ")")
                .orElse("данные не поступали");
    }

    private static String decimal(Percent percent) {
        return percent.value().toPlainString().replace('.', ',');
    }
}
