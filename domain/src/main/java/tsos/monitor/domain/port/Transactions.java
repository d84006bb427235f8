package tsos.monitor.domain.port;

import java.util.function.Supplier;

/** All or nothing: what the work writes is kept only if it returns. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
