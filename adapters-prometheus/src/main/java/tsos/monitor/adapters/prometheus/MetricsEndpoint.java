package tsos.monitor.adapters.prometheus;

import io.grpc.ServerInterceptor;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.application.BatchStoredListener;
import tsos.monitor.application.IngestionObserver;
import tsos.monitor.application.StatusReadModel;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * The /metrics endpoint on its own port, and the keeping of the read model behind it: refreshed whole at start
 * and every {@code tsos.metrics.refresh-seconds} (other replicas' batches), and for the regions of each batch
 * this replica stores, on one background thread so that ingestion never waits for it.
 */
@Context
final class MetricsEndpoint implements BatchStoredListener {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final StatusReadModel readModel;
    private final HTTPServer server;
    private volatile boolean stopping;
    private final Set<TerritoryCode> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tsos-metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });

    MetricsEndpoint(StatusReadModel readModel, IndicatorCatalogue catalogue, TerritoryDirectory territories,
                    PrometheusRegistry registry, @Value("${tsos.metrics.port:9464}") int port,
                    @Value("${tsos.metrics.refresh-seconds:60}") int refreshSeconds) {
        this.readModel = readModel;
        registry.register(new IndicatorGauges(readModel, catalogue,
                region -> territories.find(region).map(Territory::name).orElse("")));
        try {
            this.server = HTTPServer.builder().port(port).registry(registry).buildAndStart();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /metrics on port " + port, e);
        }
        refresher.scheduleWithFixedDelay(this::refreshAll, 0, refreshSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void batchStored(List<TerritoryReport> reports) {
        // A region already waiting for its refresh is not queued again: a national load of many batches refreshes
        // each region once it is through, not once per batch.
        for (TerritoryCode region : StatusReadModel.regionsOf(reports)) {
            if (pending.add(region)) {
                refresher.execute(() -> {
                    pending.remove(region);
                    guarded(() -> readModel.refresh(region));
                });
            }
        }
    }

    private void refreshAll() {
        guarded(readModel::refreshAll);
    }

    /** A refresh that fails leaves the last values in place and says why; the executor would swallow it. */
    private void guarded(Runnable refresh) {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warn("the gauges could not be refreshed; they keep their last values", e);
            }
        }
    }

    public int port() {
        return server.getPort();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        refresher.shutdownNow();
        server.close();
    }

    /** The registry and the service's own counters, as beans for whoever reports to them. */
    @Factory
    static final class Instruments {

        @Singleton
        PrometheusRegistry registry() {
            return new PrometheusRegistry();
        }

        @Singleton
        IngestionObserver ingestionCounters(PrometheusRegistry registry) {
            return new IngestionCounters(registry);
        }

        @Singleton
        ServerInterceptor requestMetrics(PrometheusRegistry registry) {
            return new GrpcRequestMetrics(registry);
        }
    }
}
