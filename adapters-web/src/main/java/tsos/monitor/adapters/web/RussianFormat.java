package tsos.monitor.adapters.web;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
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
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.PlanSource;
import tsos.monitor.domain.status.Completeness;
import tsos.monitor.domain.status.Coverage;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.TerritoryLevel;
import tsos.monitor.domain.trend.PeriodChange;
import tsos.monitor.domain.trend.YearForecast;

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
    public String actual(Optional<Share> actual) {
        return actual.map(share -> count(share.numerator()) + " из " + count(share.denominator())
                + share.percent().map(p -> " — " + percent(p)).orElse("")).orElse("нет данных");
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

    /** "по 6 из 7 муниципалитетов", "по 16 из 18 школ"; empty where there are no children to count. */
    public String coverage(IndicatorStatus status) {
        return status.territory().level() == TerritoryLevel.REGION
                ? over(status.coverage(), "муниципалитета", "муниципалитетов")
                : over(status.coverage(), "школы", "школ");
    }

    /** The country's: "по 5 из 6 регионов". */
    public String regions(Coverage coverage) {
        return over(coverage, "региона", "регионов");
    }

    /** "Получено 40 из 45 ожидаемых отчётов — 88,89 %": each expected territory and indicator is one report. */
    public String reporting(Completeness completeness) {
        Share received = completeness.receivedShare();
        return "Получено " + count(received.numerator()) + " из " + count(received.denominator())
                + " ожидаемых отчётов (территория и показатель) — " + percent(received.percent());
    }

    private static String over(Coverage coverage, String ofOne, String ofMany) {
        int of = coverage.expectedChildren();
        if (of == 0) {
            return "";
        }
        return "по " + coverage.reportedChildren() + " из " + of + " " + (of % 10 == 1 && of % 100 != 11 ? ofOne
                : ofMany);
    }

    /** "↑ +0,58 п. п." (the count's arrow where the share has no percent); "—" without a previous month. */
    public String change(@Nullable PeriodChange change) {
        if (change == null) {
            return "—";
        }
        String arrow = switch (change.direction()) {
            case UP -> "↑";
            case DOWN -> "↓";
            case FLAT -> "→";
        };
        return arrow + " " + change.changePp().map(pp -> points(Optional.of(pp)))
                .orElseGet(() -> countChange(change));
    }

    /** "число +7,9 %": the count's relative change; "" where it has none (a count that was zero). */
    public String countChange(@Nullable PeriodChange change) {
        return change == null ? "" : change.numeratorChangePercent().map(c -> "число " + signed(c) + NO_BREAK + "%")
                .orElse("");
    }

    public String forecastState(YearForecast forecast) {
        return switch (forecast.state()) {
            case ON_TRACK -> "в графике";
            case OFF_TRACK -> "отстаёт";
            case NO_TARGET -> "нет цели";
            case NO_DATA -> "нет данных";
        };
    }

    /** "2,03 п. п. в месяц"; "—" without a target. */
    public String pace(YearForecast forecast) {
        return forecast.requiredPpPerMonth().map(pp -> decimal(pp) + NO_BREAK + "п." + NO_BREAK + "п. в месяц")
                .orElse("—");
    }

    /** "нужно ещё 3 018"; "—" without a target. */
    public String needed(YearForecast forecast) {
        return forecast.needed().isPresent() ? "нужно ещё " + count(forecast.needed().getAsLong()) : "—";
    }

    /** The month a silent territory last reported in, in the genitive's place: "октябрь 2022", or "никогда". */
    public String lastReported(Optional<Month> month) {
        return month.map(this::month).orElse("никогда");
    }

    public String received(Optional<Instant> received) {
        return received.map(at -> RECEIVED.format(at.atZone(zone)) + " (" + zone.getId() + ")")
                .orElse("данные не поступали");
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : value.signum() < 0 ? "−" : "") + value.abs().toPlainString().replace('.', ',');
    }

    private static String decimal(Percent percent) {
        return percent.value().toPlainString().replace('.', ',');
    }
}
