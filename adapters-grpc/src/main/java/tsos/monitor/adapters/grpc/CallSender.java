package tsos.monitor.adapters.grpc;

import io.grpc.Context;
import tsos.monitor.domain.sender.Sender;

/** The sender whose token authenticated the call being served. */
final class CallSender {

    static final Context.Key<Sender> KEY = Context.key("tsos-sender");

    private CallSender() {
    }

    /** The authenticated sender; the interceptor lets no write through without one. */
    static Sender current() {
        Sender sender = KEY.get();
        if (sender == null) {
            throw new IllegalStateException("a write reached its endpoint without an authenticated sender");
        }
        return sender;
    }
}
