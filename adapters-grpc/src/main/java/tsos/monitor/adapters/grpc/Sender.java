package tsos.monitor.adapters.grpc;

import io.grpc.Context;

/** Who sent the call being served, for the audit trail of stored batches. */
final class Sender {

    static final Context.Key<String> KEY = Context.keyWithDefault("tsos-sender", "anonymous");

    private Sender() {
    }

    static String current() {
        return KEY.get();
    }
}
