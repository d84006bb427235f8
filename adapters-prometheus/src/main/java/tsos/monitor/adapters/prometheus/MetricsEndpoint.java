package tsos.monitor.adapters.prometheus;

import io.grpc.ServerInterceptor;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.application.BatchStoredListener;
import tsos.monitor.application.IngestionAdmission;
import tsos.monitor.application.IngestionObserver;
import tsos.monitor.application.OutlookReadModel;
import tsos.monitor.application.ReadModelKeeping;
import tsos.monitor.application.ReadModelObserver;
import tsos.monitor.application.StatusReadModel;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * The keeping of the read models behind /metrics ({@link MetricsExposition} serves them; the outlook after the
 * statuses it is computed from): refreshed whole at start
 * and every {@code tsos.metrics.refresh-seconds} (other replicas' batches), and for the regions of each batch
 * this replica stores, on one background thread so that ingestion never waits for it.
 */
@Context
final class MetricsEndpoint implements BatchStoredListener, ReadModelKeeping {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final StatusReadModel readModel;
    private final OutlookReadModel outlook;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tsos-metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<TerritoryCode> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();
    private volatile long lastBatch;
    private volatile long firstPending;
    private volatile boolean stopping;

    MetricsEndpoint(StatusReadModel readModel, OutlookReadModel outlook, MetricsSettings settings) {
        this.readModel = readModel;
        this.outlook = outlook;
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(settings.refreshQuietMillis());
        this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(settings.refreshMaxDelayMillis());
        refresher.scheduleWithFixedDelay(this::refreshAll, 0, settings.refreshSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The regions of a stored batch are refreshed once the batches stop for {@code refresh-quiet-millis} (3 s:
     * longer than a national batch of 5,000 school reports takes to store, so that a load's next batch is not
     * mistaken for its end), and at
     * the latest {@code refresh-max-delay-millis} (30 s) after the first of them: a national load of many batches
     * then refreshes each region once, and does not take a core from the load while it runs (a national week is
     * 10 to 20 s of batches). The figures change weekly and Prometheus scrapes every 15 s to minutes: 30 s of delay
     * hides nothing; the API's answers never wait for it.
     */
    @Override
    public void batchStored(Set<TerritoryCode> regions) {
        pending.addAll(regions);
        lastBatch = System.nanoTime();
        if (drainScheduled.compareAndSet(false, true)) {
            firstPending = lastBatch;
            refresher.schedule(this::drain, quietNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        long now = System.nanoTime();
        long quiet = now - lastBatch;
        if (quiet < quietNanos && now - firstPending < maxDelayNanos) {
            refresher.schedule(this::drain, quietNanos - quiet, TimeUnit.NANOSECONDS);
            return;
        }
        running.incrementAndGet(); // before the drain is unscheduled: never idle in between
        try {
            drainScheduled.set(false);
            List<TerritoryCode> regions = new ArrayList<>(pending);
            pending.removeAll(regions);
            regions.forEach(region -> guarded(() -> {
                readModel.refresh(region);
                outlook.refresh(region);
            }));
        } finally {
            running.decrementAndGet();
        }
    }

    private void refreshAll() {
        running.incrementAndGet();
        try {
            guarded(() -> {
                readModel.refreshAll();
                outlook.refreshAll();
            });
        } finally {
            running.decrementAndGet();
        }
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

    @Override
    public boolean refreshing() {
        return running.get() > 0;
    }

    @Override
    public boolean idle() {
        return !drainScheduled.get() && running.get() == 0; // in this order: a drain counts itself as running first
    }

    @PreDestroy
    void stop() {
        stopping = true;
        refresher.shutdownNow();
    }

    /** The registry and the service's own counters, as beans for whoever reports to them. */
    @Factory
    static final class Instruments {

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
}
