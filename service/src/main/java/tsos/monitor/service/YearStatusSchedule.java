package tsos.monitor.service;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.YearStatusRefresher;
import tsos.monitor.application.YearStatusWriter;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;

/**
 * Keeps the year's reporting table (Grafana's) on a thread of its own, so that neither the start nor a batch waits
 * for it: every region once at start, then every {@code tsos.year-status.check-seconds} the regions whose revision
 * moved ({@link YearStatusRefresher}). While batches keep coming it waits for them to pause, at most
 * {@code max-checks-waited} checks (5 minutes): a year's dashboard needs no fresher figures, and a national load
 * keeps its cores. Its statuses come from a {@link StatusQueries} of its own, which keeps one region's year of
 * months: the shared one keeps the months the gauges and the API read, and a pass over every region's twelve months
 * would push them out.
 */
@Context
final class YearStatusSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(YearStatusSchedule.class);
    private static final int MONTHS_KEPT = 12;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread refresher = new Thread(runnable, "tsos-year-status");
        refresher.setDaemon(true);
        return refresher;
    });
    private volatile boolean stopping;

    YearStatusSchedule(IndicatorCatalogue catalogue, TerritoryDirectory territories, ReportStore reports,
                       PlanStore plans, RegionRevisions revisions, Transactions transactions, YearStatusWriter writer,
                       Settings.YearStatus settings) {
        StatusQueries statuses = new StatusQueries(catalogue, territories, reports, plans, revisions, MONTHS_KEPT);
        YearStatusRefresher refresher = new YearStatusRefresher(catalogue, statuses, territories, reports, plans, revisions,
                transactions, writer, settings.maxChecksWaited());
        thread.scheduleWithFixedDelay(() -> {
            try {
                refresher.refreshDue();
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warn("the year's reporting table could not be refreshed; it keeps its rows until the next "
                            + "check", e);
                }
            }
        }, 0, settings.checkSeconds(), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        thread.shutdownNow();
    }
}
