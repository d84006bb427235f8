package tsos.monitor.adapters.prometheus;

import io.grpc.ServerInterceptor;
import io.micronaut.context.annotation.Factory;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Singleton;
import tsos.monitor.application.IngestionAdmission;
import tsos.monitor.application.IngestionObserver;
import tsos.monitor.application.OutlookReadModel;
import tsos.monitor.application.ReadModelObserver;
import tsos.monitor.application.StatusReadModel;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.territory.Territory;

/**
 * The registry and the service's own counters, as beans for whoever reports to them. The read models they export
 * are kept current by the application's {@code ReadModelKeeper}; {@link MetricsExposition} serves them.
 */
@Factory
final class Instruments {

    @Singleton
    PrometheusRegistry registry() {
        return new PrometheusRegistry();
    }

    @Singleton
    IndicatorGauges indicatorGauges(StatusReadModel readModel, OutlookReadModel outlook,
                                    IndicatorCatalogue catalogue, TerritoryDirectory territories) {
        return new IndicatorGauges(readModel, outlook, catalogue,
                region -> territories.find(region).map(Territory::name).orElse(""));
    }

    @Singleton
    IngestionObserver ingestionCounters(PrometheusRegistry registry, IngestionAdmission admission) {
        return new IngestionCounters(registry, admission);
    }

    @Singleton
    ReadModelObserver readModelFailures(PrometheusRegistry registry) {
        return new ReadModelFailures(registry);
    }

    @Singleton
    ServerInterceptor requestMetrics(PrometheusRegistry registry) {
        return new GrpcRequestMetrics(registry);
    }
}
