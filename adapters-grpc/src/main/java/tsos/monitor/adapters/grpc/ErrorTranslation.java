package tsos.monitor.adapters.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.domain.port.StoreContention;
import tsos.monitor.domain.port.StoreUnavailable;

/**
 * What an endpoint throws, as a status a client can act on: an unreachable database is UNAVAILABLE (retry), work
 * that lost to concurrent writers is ABORTED (retry), and anything unforeseen is INTERNAL with its trace in the
 * log — never gRPC's bare UNKNOWN.
 */
@Singleton
final class ErrorTranslation implements ServerInterceptor, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslation.class);

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onMessage(Q message) {
                guarded(() -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                guarded(super::onHalfClose);
            }

            private void guarded(Runnable step) {
                try {
                    step.run();
                } catch (StoreUnavailable e) {
                    close(Status.UNAVAILABLE.withDescription("the database is unavailable, nothing was stored; "
                            + "retry: " + e.getMessage()));
                } catch (StoreContention e) {
                    close(Status.ABORTED.withDescription("concurrent writers kept this call from its turn, nothing "
                            + "was stored; retry"));
                } catch (RuntimeException e) {
                    LOG.error("{} failed", call.getMethodDescriptor().getFullMethodName(), e);
                    close(Status.INTERNAL.withDescription("an internal error, logged by the service: "
                            + e.getClass().getSimpleName()));
                }
            }

            private void close(Status status) {
                try {
                    call.close(status, new Metadata());
                } catch (IllegalStateException alreadyClosed) {
                    LOG.debug("the call was already closed", alreadyClosed);
                }
            }
        };
    }
}
