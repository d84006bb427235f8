package tsos.monitor.adapters.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Server reflection, so that grpcurl and any client can explore the API without the .proto files: v1, and
 * v1alpha beside it for the clients (older grpcurl, Postman, grpc_cli) that ask only that.
 */
@Factory
final class ServerExtras {

    @Singleton
    @Named("reflection-v1")
    BindableService reflection() {
        return ProtoReflectionServiceV1.newInstance();
    }

    @Singleton
    @Named("reflection-v1alpha")
    @SuppressWarnings("deprecation") // v1alpha is deprecated in favour of v1, which older clients do not ask
    BindableService reflectionV1Alpha() {
        return ProtoReflectionService.newInstance();
    }
}
