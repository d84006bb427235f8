package tsos.monitor.application;

import java.util.function.Function;
import tsos.monitor.domain.refusal.Refusal;

/**
 * What became of a write, whatever it writes (reports, plans, quotas, territories): stored, with what the write
 * tells of it ({@code S}), or refused, naming every row and field at fault. Nothing is stored when refused. The
 * caller must look at it: a refusal is a result, not an exception.
 */
public sealed interface WriteResult<S> {

    /** What {@code stored} makes of what was stored, or {@code refused} of the refusal. */
    <R> R fold(Function<S, R> stored, Function<Refusal, R> refused);

    record Stored<S>(S stored) implements WriteResult<S> {
        @Override
        public <R> R fold(Function<S, R> stored, Function<Refusal, R> refused) {
            return stored.apply(this.stored);
        }
    }

    record Refused<S>(Refusal refusal) implements WriteResult<S> {
        @Override
        public <R> R fold(Function<S, R> stored, Function<Refusal, R> refused) {
            return refused.apply(refusal);
        }
    }
}
