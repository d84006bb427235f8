package tsos.monitor.domain.report;

import java.util.List;
import java.util.function.Function;
import tsos.monitor.domain.refusal.Violation;

/** What validation made of a batch: reports to store (with warnings), or every reason to refuse it. */
public sealed interface ValidationOutcome {

    /** What {@code valid} makes of the reports, or {@code malformed} of the reasons to refuse them. */
    <R> R fold(Function<Valid, R> valid, Function<Malformed, R> malformed);

    record Valid(List<TerritoryReport> reports, List<ReportWarning> warnings) implements ValidationOutcome {
        public Valid {
            reports = List.copyOf(reports);
            warnings = List.copyOf(warnings);
        }

        @Override
        public <R> R fold(Function<Valid, R> valid, Function<Malformed, R> malformed) {
            return valid.apply(this);
        }
    }

    record Malformed(List<Violation> violations) implements ValidationOutcome {
        public Malformed {
            violations = List.copyOf(violations);
        }

        @Override
        public <R> R fold(Function<Valid, R> valid, Function<Malformed, R> malformed) {
            return malformed.apply(this);
        }
    }
}
