package tsos.monitor.application;

import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What became of a write of plans, quotas or territories: stored (how many rows), or refused with every bad row
 * and field ({@code F}: the violations, in as many lists as the request has). Nothing is stored when refused.
 */
public sealed interface WriteResult<F> {

    /** What {@code stored} makes of the rows stored, or {@code refused} of the violations. */
    <R> R fold(IntFunction<R> stored, Function<F, R> refused);

    record Stored<F>(int count) implements WriteResult<F> {
        @Override
        public <R> R fold(IntFunction<R> stored, Function<F, R> refused) {
            return stored.apply(count);
        }
    }

    record Refused<F>(F violations) implements WriteResult<F> {
        @Override
        public <R> R fold(IntFunction<R> stored, Function<F, R> refused) {
            return refused.apply(violations);
        }
    }
}
