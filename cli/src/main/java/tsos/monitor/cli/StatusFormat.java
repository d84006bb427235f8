package tsos.monitor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tsos.monitor.api.v1.Direction;
import tsos.monitor.api.v1.IndicatorState;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.Percent;
import tsos.monitor.api.v1.PlanSource;
import tsos.monitor.api.v1.RankedStatus;
import tsos.monitor.api.v1.TerritoryRef;

/** How statuses are printed: a table for people, TSV for spreadsheets, JSON for programs. */
enum StatusFormat {
    TABLE,
    TSV,
    JSON;

    static final String TSV_HEADER = "territory\tindicator\tnumerator\tdenominator\tpercent\tplan_percent\tgap_pp\tlevel"
            + "\tstate\tquota\tplan_source\treported_children\texpected_children\tchange_pp\tnumerator_change_percent"
            + "\tdirection";
    /** What a ranking adds: the place (empty for a region's own status) and "leader" or "outsider". */
    static final String TSV_RANK_COLUMNS = "\tplace\tmark";
    static final ObjectMapper JSON_WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A status, and its place when it was ranked among its region's municipalities. */
    record Row(IndicatorStatus status, Optional<RankedStatus> ranked, boolean you) {
        static Row of(IndicatorStatus status) {
            return new Row(status, Optional.empty(), false);
        }

        /** A ranked status; {@code you} when the request named it (the school card's «you»). */
        static Row of(RankedStatus ranked) {
            return new Row(ranked.getStatus(), Optional.of(ranked), ranked.getYou());
        }

        /** "leader" or "outsider", and "you" for the reader's own territory. */
        List<String> marks() {
            List<String> marks = new ArrayList<>();
            ranked.filter(RankedStatus::getLeader).ifPresent(r -> marks.add("leader"));
            ranked.filter(RankedStatus::getOutsider).ifPresent(r -> marks.add("outsider"));
            if (you) {
                marks.add("you");
            }
            return marks;
        }

        String mark() {
            return String.join(", ", marks());
        }
    }

    String render(List<IndicatorStatus> statuses) {
        return render(statuses.stream().map(Row::of).toList(), false);
    }

    /** Statuses with the places of those ranked: a place column, and the leader and outsider marked. */
    String renderRanked(List<Row> rows) {
        return render(rows, true);
    }

    private String render(List<Row> rows, boolean ranked) {
        StringBuilder text = new StringBuilder();
        switch (this) {
            case TSV -> {
                text.append(TSV_HEADER).append(ranked ? TSV_RANK_COLUMNS : "").append('\n');
                for (Row row : rows) {
                    IndicatorStatus s = row.status();
                    text.append(String.join("\t", territory(s), s.getIndicator(), counts(s, s.getNumerator()),
                            counts(s, s.getDenominator()), actual(s), plan(s), gap(s), s.getLevel(),
                            s.getState().name(), s.hasQuota() ? Long.toString(s.getQuota()) : "", planSource(s),
                            Integer.toString(s.getReportedChildren()), Integer.toString(s.getExpectedChildren()),
                            s.hasChangePp() ? percent(s.getChangePp()) : "",
                            s.hasNumeratorChangePercent() ? percent(s.getNumeratorChangePercent()) : "",
                            direction(s)));
                    if (ranked) {
                        text.append('\t').append(row.ranked().map(r -> place(r)).orElse("")).append('\t')
                                .append(row.mark());
                    }
                    text.append('\n');
                }
            }
            case JSON -> text.append(json(rows.stream().map(row -> json(row, ranked)).toList()));
            case TABLE -> {
                Columns columns = Columns.of(rows.stream().map(Row::status).toList());
                for (Row row : rows) {
                    if (ranked) {
                        text.append(row.ranked().map(r -> r.getPlace() == 0 ? "  -" : String.format("%3d",
                                r.getPlace())).orElse("   ")).append("  ");
                    }
                    text.append(columns.line(row.status()));
                    row.marks().forEach(mark -> text.append("  ← ").append(mark));
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Widths wide enough for the longest territory and indicator code shown, so that columns line up. */
    record Columns(int territoryWidth, int indicatorWidth) {
        static Columns of(List<IndicatorStatus> statuses) {
            return new Columns(statuses.stream().mapToInt(s -> named(s).length()).max().orElse(0),
                    statuses.stream().mapToInt(s -> s.getIndicator().length()).max().orElse(0));
        }

        /** One line a person reads: "27 Хабаровский край  2.1  2022-11  11869 / 148870 = 7.97 % …". */
        String line(IndicatorStatus s) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + Math.max(1, territoryWidth) + "s  %-"
                    + Math.max(1, indicatorWidth) + "s  %s  ", named(s), s.getIndicator(), period(s)));
            if (!hasData(s)) {
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
            if (s.getExpectedChildren() > 0) {
                line.append("  over ").append(s.getReportedChildren()).append(" of ").append(s.getExpectedChildren())
                        .append(s.getTerritory().getMunicipality().isEmpty() ? " municipalities" : " schools");
            }
            change(s).ifPresent(change -> line.append("  ").append(change));
            return line.toString();
        }

        private static String named(IndicatorStatus s) {
            return territory(s) + " " + s.getTerritoryName();
        }
    }

    /** A week's status's week ("2024-W38"), else its month. */
    static String period(IndicatorStatus s) {
        return s.getWeek().isEmpty() ? s.getMonth() : s.getWeek();
    }

    /** Whether a territory reported anything for the indicator in the month. */
    static boolean hasData(IndicatorStatus s) {
        return !(s.getState() == IndicatorState.NO_DATA && !s.hasActual());
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

    /** "UP", "DOWN", "FLAT", or empty without a previous period. */
    private static String direction(IndicatorStatus s) {
        return s.getDirection() == Direction.DIRECTION_UNSPECIFIED ? "" : s.getDirection().name();
    }

    private static String signed(Percent p) {
        return (p.getHundredths() > 0 ? "+" : "") + percent(p);
    }

    static String territory(IndicatorStatus s) {
        return territory(s.getTerritory());
    }

    /** "27", "27/amursky" or "27/amursky/s1". */
    static String territory(TerritoryRef t) {
        return t.getRegion() + (t.getMunicipality().isEmpty() ? "" : "/" + t.getMunicipality())
                + (t.getSchool().isEmpty() ? "" : "/" + t.getSchool());
    }

    private static String source(IndicatorStatus s) {
        return s.getPlanSource() == PlanSource.REGION ? " (region's plan)" : " (own plan)";
    }

    /** "own" or "region" beside a plan or quota; empty when none applied. */
    static String planSource(IndicatorStatus s) {
        return !s.hasPlan() && !s.hasQuota() ? "" : s.getPlanSource() == PlanSource.REGION ? "region" : "own";
    }

    private static String place(RankedStatus r) {
        return r.getPlace() == 0 ? "" : Integer.toString(r.getPlace());
    }

    private static String counts(IndicatorStatus s, long count) {
        return !hasData(s) && count == 0 ? "" : Long.toString(count);
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

    /** JSON numbers for percents (7.97, exact as two decimals), null where the status has none. */
    static Map<String, Object> jsonObject(IndicatorStatus s) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("territory", territory(s));
        object.put("territory_name", s.getTerritoryName());
        object.put("indicator", s.getIndicator());
        object.put("month", s.getMonth());
        object.put("week", s.getWeek().isEmpty() ? null : s.getWeek());
        object.put("numerator", s.getNumerator());
        object.put("denominator", s.getDenominator());
        object.put("percent", s.hasActual() ? BigDecimal.valueOf(s.getActual().getHundredths(), 2) : null);
        object.put("plan_percent", s.hasPlan() ? BigDecimal.valueOf(s.getPlan().getHundredths(), 2) : null);
        object.put("quota", s.hasQuota() ? s.getQuota() : null);
        object.put("plan_source", planSource(s).isEmpty() ? null : planSource(s));
        object.put("gap_pp", s.hasGap() ? BigDecimal.valueOf(s.getGap().getHundredths(), 2) : null);
        object.put("level", s.getLevel().isEmpty() ? null : s.getLevel());
        object.put("state", s.getState().name());
        object.put("reported_children", s.getReportedChildren());
        object.put("expected_children", s.getExpectedChildren());
        object.put("change_pp", s.hasChangePp() ? BigDecimal.valueOf(s.getChangePp().getHundredths(), 2) : null);
        object.put("numerator_change_percent", s.hasNumeratorChangePercent()
                ? BigDecimal.valueOf(s.getNumeratorChangePercent().getHundredths(), 2) : null);
        object.put("direction", direction(s).isEmpty() ? null : direction(s));
        return object;
    }

    private static Map<String, Object> json(Row row, boolean ranked) {
        Map<String, Object> object = jsonObject(row.status());
        if (ranked) {
            object.put("place", row.ranked().map(r -> r.getPlace() == 0 ? null : r.getPlace()).orElse(null));
            object.put("leader", row.ranked().map(RankedStatus::getLeader).orElse(false));
            object.put("outsider", row.ranked().map(RankedStatus::getOutsider).orElse(false));
            object.put("you", row.you());
        }
        return object;
    }

    /** Any value as indented JSON, ending with a new line. */
    static String json(Object value) {
        try {
            return JSON_WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps, lists, strings and numbers always write as JSON", e);
        }
    }
}
