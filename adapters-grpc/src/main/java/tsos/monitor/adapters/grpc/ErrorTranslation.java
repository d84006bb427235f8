package tsos.monitor.adapters.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ForwardingServerCallListener;
import io.grpc.MethodDescriptor;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.domain.port.StoreBusy;
import tsos.monitor.domain.port.StoreContention;
import tsos.monitor.domain.port.StoreUnavailable;

/**
 * What an endpoint throws, as a status a client can act on: a request that does not parse is INVALID_ARGUMENT
 * (see {@link RequestParsing}), an unreachable database is UNAVAILABLE (retry), work that lost to concurrent
 * writers is ABORTED (retry), and anything unforeseen is INTERNAL with its trace in the log — never gRPC's bare
 * UNKNOWN.
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
                            + "retry: " + GrpcErrors.clipped(e.getMessage())));
                } catch (StoreContention e) {
                    close(Status.ABORTED.withDescription("concurrent writers kept this call from its turn, nothing "
                            + "was stored; retry"));
                } catch (StoreBusy e) {
                    StatusRuntimeException busy = GrpcErrors.busy();
                    close(busy.getStatus(), busy.getTrailers());
                } catch (RuntimeException e) {
                    if (e.getCause() instanceof InvalidProtocolBufferException unreadable) {
                        close(Status.INVALID_ARGUMENT.withDescription("the request is not a valid "
                                + requestType(call.getMethodDescriptor()) + ": "
                                + GrpcErrors.clipped(unreadable.getMessage())));
                        return;
                    }
                    LOG.error("{} failed", call.getMethodDescriptor().getFullMethodName(), e);
                    close(Status.INTERNAL.withDescription("an internal error, logged by the service: "
                            + e.getClass().getSimpleName()));
                }
            }

            private void close(Status status) {
                close(status, new Metadata());
            }

            private void close(Status status, Metadata trailers) {
                try {
                    call.close(status, trailers);
                } catch (IllegalStateException alreadyClosed) {
                    LOG.debug("the call was already closed", alreadyClosed);
                }
            }
        };
    }

    /** The request's message type, from the .proto's descriptor (the wire type is raw bytes here). */
    private static String requestType(MethodDescriptor<?, ?> method) {
        return method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier schema
                ? schema.getMethodDescriptor().getInputType().getFullName()
                : "request of " + method.getFullMethodName();
    }
}
