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
import tsos.monitor.application.UnknownReference;
import tsos.monitor.domain.port.StoreBusy;
import tsos.monitor.domain.port.StoreContention;
import tsos.monitor.domain.port.StoreUnavailable;
import tsos.monitor.domain.sender.InvalidSender;
import tsos.monitor.domain.territory.InvalidTerritory;

/**
 * What an endpoint or interceptor throws, as a status a client can act on, mapped here alone: a request that does
 * not parse is INVALID_ARGUMENT (see {@link RequestParsing}), as is a sender or territory that cannot be (the field
 * named); an unknown territory or indicator asked for is NOT_FOUND; an unreachable database is UNAVAILABLE (retry),
 * work that lost to concurrent writers is ABORTED (retry), and anything unforeseen is INTERNAL with its trace in the
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
        ServerCall.Listener<Q> listener;
        try {
            listener = next.startCall(call, headers); // the interceptors after this one: the sender's token is read
        } catch (RuntimeException e) {
            translate(call, e);
            return new ServerCall.Listener<>() {
            };
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            /** A call answered here (a request that did not parse) goes no further: grpc-java's own listener would
             * try to answer it again, for want of a request, and fail on the closed call. Listener calls are serial. */
            private boolean answered;

            @Override
            public void onMessage(Q message) {
                guarded(() -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                guarded(super::onHalfClose);
            }

            private void guarded(Runnable step) {
                if (answered) {
                    return;
                }
                try {
                    step.run();
                } catch (RuntimeException e) {
                    answered = true;
                    translate(call, e);
                }
            }
        };
    }

    /** The one place the exceptions of the core become statuses. */
    private static void translate(ServerCall<?, ?> call, RuntimeException e) {
        if (e instanceof StoreUnavailable) {
            close(call, Status.UNAVAILABLE.withDescription("the database is unavailable, nothing was stored; "
                    + "retry: " + GrpcErrors.clipped(e.getMessage())));
        } else if (e instanceof StoreContention) {
            close(call, Status.ABORTED.withDescription("concurrent writers kept this call from its turn, nothing "
                    + "was stored; retry"));
        } else if (e instanceof StoreBusy) {
            close(call, GrpcErrors.busy());
        } else if (e instanceof UnknownReference) {
            close(call, GrpcErrors.notFound(e.getMessage()));
        } else if (e instanceof InvalidSender invalid) {
            close(call, GrpcErrors.invalid(invalid.field(), invalid.getMessage()));
        } else if (e instanceof InvalidTerritory invalid) {
            close(call, GrpcErrors.invalid(invalid.field(), invalid.getMessage()));
        } else if (e.getCause() instanceof InvalidProtocolBufferException unreadable) {
            close(call, Status.INVALID_ARGUMENT.withDescription("the request is not a valid "
                    + requestType(call.getMethodDescriptor()) + ": " + GrpcErrors.clipped(unreadable.getMessage())));
        } else {
            LOG.error("{} failed", call.getMethodDescriptor().getFullMethodName(), e);
            close(call, Status.INTERNAL.withDescription("an internal error, logged by the service: "
                    + e.getClass().getSimpleName()));
        }
    }

    private static void close(ServerCall<?, ?> call, StatusRuntimeException error) {
        close(call, error.getStatus(), error.getTrailers() == null ? new Metadata() : error.getTrailers());
    }

    private static void close(ServerCall<?, ?> call, Status status) {
        close(call, status, new Metadata());
    }

    private static void close(ServerCall<?, ?> call, Status status, Metadata trailers) {
        try {
            call.close(status, trailers);
        } catch (IllegalStateException alreadyClosed) {
            LOG.debug("the call was already closed", alreadyClosed);
        }
    }

    /** The request's message type, from the .proto's descriptor (the wire type is raw bytes here). */
    private static String requestType(MethodDescriptor<?, ?> method) {
        return method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier schema
                ? schema.getMethodDescriptor().getInputType().getFullName()
                : "request of " + method.getFullMethodName();
    }
}
