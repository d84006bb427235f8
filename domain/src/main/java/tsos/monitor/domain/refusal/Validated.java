package tsos.monitor.domain.refusal;

import java.util.List;
import java.util.function.Function;

/** Rows checked by a rule of the domain: every one valid, or every bad row and field named. */
public sealed interface Validated<T> {

    static <T> Validated<T> of(List<T> valid, List<Violation> violations) {
        return violations.isEmpty() ? new Valid<>(valid) : new Invalid<>(violations);
    }

    /** What {@code valid} makes of the rows, or {@code invalid} of the reasons to refuse them. */
    <R> R fold(Function<List<T>, R> valid, Function<List<Violation>, R> invalid);

    record Valid<T>(List<T> values) implements Validated<T> {
        public Valid {
            values = List.copyOf(values);
        }

        @Override
        public <R> R fold(Function<List<T>, R> valid, Function<List<Violation>, R> invalid) {
            return valid.apply(values);
        }
    }

    record Invalid<T>(List<Violation> violations) implements Validated<T> {
        public Invalid {
            violations = List.copyOf(violations);
        }

        @Override
        public <R> R fold(Function<List<T>, R> valid, Function<List<Violation>, R> invalid) {
            return invalid.apply(violations);
        }
    }
}
