package tsos.monitor.service;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.YearStatusRefresher;
import tsos.monitor.application.YearStatusWriter;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;

/**
 * Keeps the year's reporting table (Grafana's) on a thread of its own, so that neither the start nor a batch waits
 * for it: every region once at start, then every {@code tsos.year-status.check-seconds} the regions whose revision
 * moved ({@link YearStatusRefresher}).
 */
@Context
final class YearStatusSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(YearStatusSchedule.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread refresher = new Thread(runnable, "tsos-year-status");
        refresher.setDaemon(true);
        return refresher;
    });
    private final AtomicBoolean filled = new AtomicBoolean();
    private volatile boolean stopping;

    YearStatusSchedule(StatusQueries statuses, TerritoryDirectory territories, ReportStore reports, PlanStore plans,
                       RegionRevisions revisions, Transactions transactions, YearStatusWriter writer,
                       @Value("${tsos.year-status.check-seconds:5}") int checkSeconds,
                       @Value("${tsos.year-status.max-checks-waited:12}") int maxChecksWaited) {
        YearStatusRefresher refresher = new YearStatusRefresher(statuses, territories, reports, plans, revisions,
                transactions, writer, maxChecksWaited);
        thread.scheduleWithFixedDelay(() -> {
            try {
                if (filled.compareAndSet(false, true)) {
                    long started = System.nanoTime();
                    refresher.refreshAll();
                    LOG.info("the year's reporting table written for every region in {} ms",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                } else {
                    refresher.refreshChanged();
                }
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warn("the year's reporting table could not be refreshed; it keeps its rows until the next "
                            + "check", e);
                }
            }
        }, 0, checkSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        thread.shutdownNow();
    }
}
