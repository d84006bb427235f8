package tsos.monitor.adapters.grpc;

import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;

/**
 * The API's services, registered so that a request is parsed inside the interceptors rather than before them.
 * grpc-java parses a request with its method's marshaller before any interceptor sees it, and answers a failure
 * there (a truncated message, invalid UTF-8 in a string) with a bare UNKNOWN; the services here take the raw
 * bytes and parse them in their own listener, where {@link ErrorTranslation} answers INVALID_ARGUMENT.
 */
@Factory
final class RequestParsing {

    @EachBean(ApiService.class)
    ServerServiceDefinition parsedInside(ApiService service) {
        return ServerInterceptors.useInputStreamMessages(service.bindService());
    }
}
