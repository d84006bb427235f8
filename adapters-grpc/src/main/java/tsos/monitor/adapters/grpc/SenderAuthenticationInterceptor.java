package tsos.monitor.adapters.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SenderAdministrationGrpc;
import tsos.monitor.application.SenderAuthentication;

/**
 * Who is calling: the "authorization: Bearer …" token of every write is checked before its endpoint runs.
 * Reports need a sender's token (its regions are checked row by row when the batch is validated); plans,
 * territories and tokens need an administrator's. Reads are open unless {@code tsos.auth.open-reads} is false.
 * Health and reflection are always open.
 */
@Singleton
final class SenderAuthenticationInterceptor implements ServerInterceptor, Ordered {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> ADMINISTRATION = Set.of(PlanningGrpc.SERVICE_NAME,
            SenderAdministrationGrpc.SERVICE_NAME);
    private static final Set<String> WRITES = Set.of(ReportIngestionGrpc.SERVICE_NAME, PlanningGrpc.SERVICE_NAME,
            SenderAdministrationGrpc.SERVICE_NAME);

    private final SenderAuthentication authentication;

    SenderAuthenticationInterceptor(SenderAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        String service = call.getMethodDescriptor().getServiceName();
        boolean write = WRITES.contains(service);
        boolean read = IndicatorStatusesGrpc.SERVICE_NAME.equals(service);
        if (!write && !(read && !authentication.readsOpen())) {
            return next.startCall(call, headers);
        }
        Iterable<String> sent = headers.getAll(AUTHORIZATION);
        // A store that cannot answer is told by ErrorTranslation, which runs before this interceptor.
        SenderAuthentication.Caller caller = authentication.caller(sent == null ? List.of()
                : StreamSupport.stream(sent.spliterator(), false).toList());
        return caller.fold(sender -> {
            if (ADMINISTRATION.contains(service) && !sender.mayAdminister()) {
                return refuse(call, Status.PERMISSION_DENIED.withDescription("sender " + sender + " may not call "
                        + call.getMethodDescriptor().getFullMethodName() + ": an administrator may"));
            }
            return Contexts.interceptCall(Context.current().withValue(CallSender.KEY, sender), call, headers, next);
        }, reason -> refuse(call, Status.UNAUTHENTICATED.withDescription(reason)));
    }

    private static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
