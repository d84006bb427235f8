package tsos.monitor.domain.refusal;

import java.util.List;
import java.util.function.Function;

/** Rows checked by a rule of the domain: what the rows make when every one is valid, or why they are refused. */
public sealed interface Validated<T> {

    /** {@code valid} when there is no violation, else refused as invalid, the violations being in {@code rows}. */
    static <T> Validated<T> of(T valid, Refusal.Rows rows, List<Violation> violations) {
        return violations.isEmpty() ? new Valid<>(valid)
                : new Invalid<>(Refusal.of(Refusal.Ground.INVALID, rows, violations));
    }

    /** What {@code valid} makes of the rows, or {@code invalid} of the refusal. */
    <R> R fold(Function<T, R> valid, Function<Refusal, R> invalid);

    /** The valid value made into another; a refusal as it is. */
    default <U> Validated<U> map(Function<T, U> valid) {
        return fold(value -> new Valid<>(valid.apply(value)), Invalid::new);
    }

    record Valid<T>(T value) implements Validated<T> {
        @Override
        public <R> R fold(Function<T, R> valid, Function<Refusal, R> invalid) {
            return valid.apply(value);
        }
    }

    record Invalid<T>(Refusal refusal) implements Validated<T> {
        @Override
        public <R> R fold(Function<T, R> valid, Function<Refusal, R> invalid) {
            return invalid.apply(refusal);
        }
    }
}
