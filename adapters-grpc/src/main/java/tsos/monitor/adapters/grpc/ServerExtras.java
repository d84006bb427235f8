package tsos.monitor.adapters.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Server reflection, so that grpcurl and any client can explore the API without the .proto files. */
@Factory
final class ServerExtras {

    @Singleton
    BindableService reflection() {
        return ProtoReflectionServiceV1.newInstance();
    }
}
