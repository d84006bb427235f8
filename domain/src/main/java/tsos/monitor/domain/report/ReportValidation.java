package tsos.monitor.domain.report;

import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.refusal.Refusal;
import tsos.monitor.domain.refusal.Refusal.Ground;
import tsos.monitor.domain.refusal.Refusal.Rows;
import tsos.monitor.domain.refusal.Validated;
import tsos.monitor.domain.refusal.Violation;
import tsos.monitor.domain.refusal.Field.Column;
import tsos.monitor.domain.refusal.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryLookup;

/**
 * The two kinds of bad input, told apart. Malformed input — an unknown territory or metric, a period that does
 * not parse, a negative count, no counts at all, the same territory and period twice — refuses the whole batch
 * and names every offending row and field. Inconsistent input — well-formed counts that contradict each other,
 * such as a numerator above its denominator — is accepted as the source sent it, with a warning naming the row
 * and both fields.
 */
public final class ReportValidation {

    private static final int MAX_KEY_LENGTH = 128;
    /** Far above any count of people, schools or content items, and far below where sums could overflow. */
    public static final long MAX_COUNT = 1_000_000_000_000L;

    private final IndicatorCatalogue catalogue;
    private final TerritoryLookup territories;
    private final int maxRows;

    public ReportValidation(IndicatorCatalogue catalogue, TerritoryLookup territories, int maxRows) {
        this.catalogue = catalogue;
        this.territories = territories;
        this.maxRows = maxRows;
    }

    public Validated<ValidReports> validate(ReportBatch batch) {
        List<Violation> violations = new ArrayList<>(batchViolations(batch));
        List<TerritoryReport> reports = new ArrayList<>();
        Map<TerritoryPeriod, Integer> firstRowOfTerritoryPeriod = new HashMap<>();
        for (int row = 0; row < batch.reports().size() && row < maxRows; row++) {
            SubmittedReport submitted = batch.reports().get(row);
            List<Violation> rowViolations = new ArrayList<>();
            int at = row;
            Optional<Territory> territory = territories.resolve(submitted.territory()).fold(Optional::of, notFound -> {
                rowViolations.add(new Violation(at, notFound.field(), notFound.reason()));
                return Optional.empty();
            });
            ReportingPeriod period = null;
            try {
                period = ReportingPeriod.parse(submitted.period());
            } catch (IllegalArgumentException e) {
                rowViolations.add(new Violation(row, Column.PERIOD, e.getMessage()));
            }
            Map<Metric, Long> counts = countsOf(row, submitted, rowViolations);
            if (rowViolations.isEmpty()) {
                Territory found = territory.orElseThrow();
                Integer earlier = firstRowOfTerritoryPeriod.putIfAbsent(new TerritoryPeriod(found.code(), period.text()), row);
                if (earlier != null) {
                    rowViolations.add(new Violation(row, Column.PERIOD, "row " + earlier + " already reports "
                            + found.code() + " for " + period.text() + "; send a correction in a later batch"));
                } else {
                    reports.add(new TerritoryReport(found, period, new Counts(counts)));
                }
            }
            violations.addAll(rowViolations);
        }
        return violations.isEmpty() ? new Validated.Valid<>(new ValidReports(reports, warningsOf(reports)))
                : new Validated.Invalid<>(Refusal.of(Ground.INVALID, Rows.REPORTS, violations));
    }

    /** The territory and period of a row: a batch reports each at most once. */
    private record TerritoryPeriod(TerritoryCode territory, String period) {
    }

    private List<Violation> batchViolations(ReportBatch batch) {
        List<Violation> violations = new ArrayList<>();
        if (batch.idempotencyKey().isEmpty() || batch.idempotencyKey().length() > MAX_KEY_LENGTH
                || batch.idempotencyKey().chars().anyMatch(Character::isISOControl)) {
            violations.add(Violation.ofBatch(Column.IDEMPOTENCY_KEY,
                    "required: 1 to " + MAX_KEY_LENGTH + " characters with no control characters"));
        }
        if (batch.reports().isEmpty()) {
            violations.add(Violation.ofBatch(Column.REPORTS, "a batch has at least one report"));
        }
        if (batch.reports().size() > maxRows) {
            violations.add(Violation.ofBatch(Column.REPORTS, "a batch has at most " + maxRows + " reports, this one has "
                    + batch.reports().size() + ": split it"));
        }
        return violations;
    }

    private Map<Metric, Long> countsOf(int row, SubmittedReport submitted, List<Violation> violations) {
        Map<Metric, Long> counts = new TreeMap<>();
        if (submitted.counts().isEmpty()) {
            violations.add(new Violation(row, Column.COUNTS, "a report has at least one count"));
        }
        new TreeMap<>(submitted.counts()).forEach((name, count) -> {
            Optional<Metric> known = catalogue.metricNamed(name);
            if (known.isEmpty()) {
                violations.add(unknownMetric(row, name));
                return;
            }
            if (count == null || count < 0) {
                violations.add(new Violation(row, new Field.Count(name), "a count is not negative, not " + count));
            } else if (count > MAX_COUNT) {
                violations.add(new Violation(row, new Field.Count(name), "a count is at most " + MAX_COUNT + ", not "
                        + count));
            } else {
                counts.put(known.get(), count);
            }
        });
        return counts;
    }

    private List<ReportWarning> warningsOf(List<TerritoryReport> reports) {
        List<ReportWarning> warnings = new ArrayList<>();
        for (int row = 0; row < reports.size(); row++) {
            Counts counts = reports.get(row).counts();
            for (var pair : catalogue.sharePairs()) {
                var part = counts.get(pair.numerator());
                var whole = counts.get(pair.denominator());
                if (part.isPresent() && whole.isPresent() && part.getAsLong() > whole.getAsLong()) {
                    warnings.add(new ReportWarning(row, List.of(pair.numerator().name(), pair.denominator().name()),
                            pair.numerator() + " (" + part.getAsLong() + ") exceeds " + pair.denominator() + " ("
                                    + whole.getAsLong() + "): stored as sent, the status is INCONSISTENT until corrected"));
                }
            }
        }
        return warnings;
    }

    /** Not a metric's name at all (named as far as it is printable), or the name of one the catalogue lacks. */
    private static Violation unknownMetric(int row, String name) {
        try {
            new Metric(name);
            return new Violation(row, new Field.Count(name), "unknown metric: not in the catalogue");
        } catch (IllegalArgumentException e) {
            return new Violation(row, new Field.Count(printable(name)), e.getMessage());
        }
    }

    private static String printable(String name) {
        String visible = name == null ? "" : name.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(40)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return visible.isEmpty() ? "?" : visible;
    }
}
