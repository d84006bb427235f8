package tsos.monitor.adapters.grpc;

import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The API's services, registered so that a request is parsed inside the interceptors rather than before them.
 * grpc-java parses a request with its method's marshaller before any interceptor sees it, and answers a failure
 * there (a truncated message, invalid UTF-8 in a string) with a bare UNKNOWN; the services here take the raw
 * bytes and parse them in their own listener, where {@link ErrorTranslation} answers INVALID_ARGUMENT.
 */
@Factory
final class RequestParsing {

    @Singleton
    @Named("report-ingestion")
    ServerServiceDefinition reportIngestion(ReportIngestionEndpoint endpoint) {
        return parsedInside(endpoint);
    }

    @Singleton
    @Named("planning")
    ServerServiceDefinition planning(PlanningEndpoint endpoint) {
        return parsedInside(endpoint);
    }

    @Singleton
    @Named("indicator-statuses")
    ServerServiceDefinition indicatorStatuses(IndicatorStatusEndpoint endpoint) {
        return parsedInside(endpoint);
    }

    @Singleton
    @Named("sender-administration")
    ServerServiceDefinition senderAdministration(SenderAdministrationEndpoint endpoint) {
        return parsedInside(endpoint);
    }

    @Singleton
    @Named("catalogue")
    ServerServiceDefinition catalogue(CatalogueEndpoint endpoint) {
        return parsedInside(endpoint);
    }

    @Singleton
    @Named("year-outlook")
    ServerServiceDefinition yearOutlook(YearOutlookEndpoint endpoint) {
        return parsedInside(endpoint);
    }

    private static ServerServiceDefinition parsedInside(BindableService service) {
        return ServerInterceptors.useInputStreamMessages(service.bindService());
    }
}
