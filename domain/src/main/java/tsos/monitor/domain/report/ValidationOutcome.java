package tsos.monitor.domain.report;

import java.util.List;

/** What validation made of a batch: reports to store (with warnings), or every reason to refuse it. */
public sealed interface ValidationOutcome {

    record Valid(List<TerritoryReport> reports, List<ReportWarning> warnings) implements ValidationOutcome {
        public Valid {
            reports = List.copyOf(reports);
            warnings = List.copyOf(warnings);
        }
    }

    record Malformed(List<Violation> violations) implements ValidationOutcome {
        public Malformed {
            violations = List.copyOf(violations);
        }
    }
}
