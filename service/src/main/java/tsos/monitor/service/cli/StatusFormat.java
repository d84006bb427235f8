package tsos.monitor.service.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tsos.monitor.api.v1.Direction;
import tsos.monitor.api.v1.IndicatorState;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.Percent;
import tsos.monitor.api.v1.PlanSource;

/** How statuses are printed: a table for people, TSV for spreadsheets, JSON for programs. */
enum StatusFormat {
    TABLE,
    TSV,
    JSON;

    static final String TSV_HEADER = "territory\tindicator\tnumerator\tdenominator\tpercent\tplan_percent\tgap_pp\tlevel\tstate";

    String render(List<IndicatorStatus> statuses) {
        StringBuilder text = new StringBuilder();
        switch (this) {
            case TSV -> {
                text.append(TSV_HEADER).append('\n');
                statuses.forEach(s -> text.append(String.join("\t", territory(s), s.getIndicator(),
                        counts(s, s.getNumerator()), counts(s, s.getDenominator()), actual(s), plan(s), gap(s),
                        s.getLevel(), s.getState().name())).append('\n'));
            }
            case JSON -> {
                text.append("[\n");
                for (int i = 0; i < statuses.size(); i++) {
                    text.append("  ").append(json(statuses.get(i))).append(i + 1 < statuses.size() ? ",\n" : "\n");
                }
                text.append("]\n");
            }
            case TABLE -> statuses.forEach(s -> text.append(line(s)).append('\n'));
        }
        return text.toString();
    }

    /** One line a person reads: "27 Хабаровский край · 2.1 · 2022-11: 11869 / 148870 = 7.97 % …". */
    static String line(IndicatorStatus s) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s %-10s %s  ",
                territory(s) + " " + s.getTerritoryName(), s.getIndicator(), s.getMonth()));
        if (s.getState() == IndicatorState.NO_DATA && !s.hasActual()) {
            line.append("no data");
        } else {
            line.append(s.getNumerator()).append(" / ").append(s.getDenominator());
            line.append(s.hasActual() ? " = " + actual(s) + " %" : " (no percent)");
        }
        if (s.hasPlan()) {
            line.append("  plan ").append(plan(s)).append(" %").append(source(s));
        } else if (s.hasQuota()) {
            line.append("  quota ").append(s.getQuota()).append(source(s));
        }
        if (s.hasGap()) {
            line.append("  gap ").append(gap(s)).append(" pp");
        }
        if (!s.getLevel().isEmpty()) {
            line.append("  level ").append(s.getLevel());
        }
        line.append("  ").append(s.getState().name());
        return change(s).map(change -> line.append("  ").append(change)).orElse(line).toString();
    }

    /** "↑ +0.50 pp, count +1.1 %": the change since the previous month, where the call carries it. */
    private static Optional<String> change(IndicatorStatus s) {
        if (s.getDirection() == Direction.DIRECTION_UNSPECIFIED) {
            return Optional.empty();
        }
        String arrow = switch (s.getDirection()) {
            case UP -> "↑";
            case DOWN -> "↓";
            default -> "→";
        };
        return Optional.of(arrow + (s.hasChangePp() ? " " + signed(s.getChangePp()) + " pp" : "")
                + (s.hasNumeratorChangePercent() ? ", count " + signed(s.getNumeratorChangePercent()) + " %" : ""));
    }

    private static String signed(Percent p) {
        return (p.getHundredths() > 0 ? "+" : "") + percent(p);
    }

    static String territory(IndicatorStatus s) {
        var t = s.getTerritory();
        return t.getRegion() + (t.getMunicipality().isEmpty() ? "" : "/" + t.getMunicipality())
                + (t.getSchool().isEmpty() ? "" : "/" + t.getSchool());
    }

    private static String source(IndicatorStatus s) {
        return s.getPlanSource() == PlanSource.REGION ? " (region's plan)" : " (own plan)";
    }

    private static String counts(IndicatorStatus s, long count) {
        return s.getState() == IndicatorState.NO_DATA && !s.hasActual() && count == 0 ? "" : Long.toString(count);
    }

    static String actual(IndicatorStatus s) {
        return s.hasActual() ? percent(s.getActual()) : "";
    }

    static String plan(IndicatorStatus s) {
        return s.hasPlan() ? percent(s.getPlan()) : "";
    }

    static String gap(IndicatorStatus s) {
        return s.hasGap() ? percent(s.getGap()) : "";
    }

    static String percent(Percent p) {
        return BigDecimal.valueOf(p.getHundredths(), 2).toPlainString();
    }

    private static String json(IndicatorStatus s) {
        return "{\"territory\": \"" + territory(s) + "\", \"territory_name\": \"" + escape(s.getTerritoryName())
                + "\", \"indicator\": \"" + s.getIndicator() + "\", \"month\": \"" + s.getMonth()
                + "\", \"numerator\": " + s.getNumerator() + ", \"denominator\": " + s.getDenominator()
                + ", \"percent\": " + nullable(actual(s)) + ", \"plan_percent\": " + nullable(plan(s))
                + ", \"quota\": " + (s.hasQuota() ? s.getQuota() : "null")
                + ", \"plan_source\": \"" + s.getPlanSource().name() + "\", \"gap_pp\": " + nullable(gap(s))
                + ", \"level\": \"" + escape(s.getLevel()) + "\", \"state\": \"" + s.getState().name()
                + "\", \"change_pp\": " + (s.hasChangePp() ? percent(s.getChangePp()) : "null")
                + ", \"numerator_change_percent\": " + (s.hasNumeratorChangePercent()
                ? percent(s.getNumeratorChangePercent()) : "null")
                + ", \"direction\": " + (s.getDirection() == Direction.DIRECTION_UNSPECIFIED ? "null"
                : "\"" + s.getDirection().name() + "\"") + "}";
    }

    private static String nullable(String number) {
        return number.isEmpty() ? "null" : number;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
