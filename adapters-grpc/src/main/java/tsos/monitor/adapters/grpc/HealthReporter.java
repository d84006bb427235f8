package tsos.monitor.adapters.grpc;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.api.v1.CatalogueGrpc;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SenderAdministrationGrpc;
import tsos.monitor.api.v1.YearOutlookGrpc;
import tsos.monitor.domain.port.StoreHealth;

/**
 * The standard gRPC health service says SERVING only while the database answers: a load balancer then sends
 * no writes to a replica that could not store them, and the replica comes back by itself when it answers again.
 */
@Context
final class HealthReporter {

    private static final Logger LOG = LoggerFactory.getLogger(HealthReporter.class);
    /** Clients that check one service ask by its full name; every one of them stores or reads in the database. */
    static final List<String> SERVICES = List.of(ReportIngestionGrpc.SERVICE_NAME, PlanningGrpc.SERVICE_NAME,
            IndicatorStatusesGrpc.SERVICE_NAME, SenderAdministrationGrpc.SERVICE_NAME, CatalogueGrpc.SERVICE_NAME,
            YearOutlookGrpc.SERVICE_NAME);

    private final HealthStatusManager health;
    private final StoreHealth store;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tsos-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServingStatus last = ServingStatus.UNKNOWN;

    HealthReporter(HealthStatusManager health, StoreHealth store, HealthSettings settings) {
        this.health = health;
        this.store = store;
        checks.scheduleWithFixedDelay(this::check, 0, settings.checkMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        ServingStatus now = store.reachable() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        if (now != last) {
            LOG.info("health: {} (the database {})", now, now == ServingStatus.SERVING ? "answers" : "does not answer");
            last = now;
        }
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, now);
        SERVICES.forEach(service -> health.setStatus(service, now));
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
