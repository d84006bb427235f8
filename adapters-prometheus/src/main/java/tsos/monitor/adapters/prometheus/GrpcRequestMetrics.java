package tsos.monitor.adapters.prometheus;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The latency of every gRPC call, by method and status code. */
final class GrpcRequestMetrics implements ServerInterceptor {

    private final Histogram duration;

    GrpcRequestMetrics(PrometheusRegistry registry) {
        duration = Histogram.builder().name("tsos_grpc_request_duration_seconds")
                .help("gRPC calls served, by method and status code.")
                .classicOnly()
                .labelNames("method", "code")
                .register(registry);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        long started = System.nanoTime();
        String method = call.getMethodDescriptor().getFullMethodName();
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                duration.labelValues(method, status.getCode().name()).observe((System.nanoTime() - started) / 1e9);
                super.close(status, trailers);
            }
        }, headers);
    }
}
