package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.fakes.InMemoryPlanStore;
import tsos.monitor.application.fakes.InMemoryRegionRevisions;
import tsos.monitor.application.fakes.InMemoryReportStore;
import tsos.monitor.application.fakes.InMemoryTerritoryDirectory;
import tsos.monitor.application.fakes.InMemoryTransactions;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.territory.TerritoryCode;

class ReadModelKeeperTest {

    private static final TerritoryCode KHABAROVSK = Territories.khabarovskKrai().code();
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryReportStore reports = new InMemoryReportStore(transactions);
    private final InMemoryTerritoryDirectory territories = InMemoryTerritoryDirectory.standard();
    private final InMemoryRegionRevisions revisions = new InMemoryRegionRevisions(transactions);
    private final StatusQueries queries = new StatusQueries(Catalogue.standard(), territories, reports,
            new InMemoryPlanStore(transactions), revisions, 10);
    private final ReadModelObserver quiet = new ReadModelObserver() {
        @Override
        public void regionRefreshed(TerritoryCode region) {
        }

        @Override
        public void regionFailed(TerritoryCode region, RuntimeException cause) {
            throw new AssertionError("no region fails here", cause);
        }
    };
    private final StatusReadModel statuses = new StatusReadModel(Catalogue.standard(), queries, territories, reports, quiet,
            Clock.fixed(Instant.parse("2022-12-15T00:00:00Z"), ZoneOffset.UTC));
    private final OutlookReadModel outlook = new OutlookReadModel(statuses, new StatusChanges(queries),
            new YearQueries(queries), revisions, territories, quiet);
    /** The keeper's clock: it moves only when the test moves it. */
    private final AtomicLong now = new AtomicLong();
    private final ReadModelKeeper keeper = new ReadModelKeeper(statuses, outlook,
            Executors.newSingleThreadScheduledExecutor(), now::get, QUIET, MAX_DELAY);
    private final SubmitReports submitReports = new SubmitReports(Catalogue.standard(), territories, reports,
            transactions, revisions, 100, List.of(keeper), List.of());

    @AfterEach
    void stop() {
        keeper.stop();
    }

    @Test
    void a_stored_batch_s_region_waits_while_batches_keep_coming_and_is_refreshed_at_the_latest_after_the_max_delay()
            throws InterruptedException {
        keeper.start(Duration.ofHours(1));
        assertTrue(keeper.awaitIdle(Duration.ofSeconds(30)), "the first refresh of everything ends");
        assertTrue(statuses.loaded(), "idle only once the first refresh has run");
        assertTrue(statuses.current(KHABAROVSK).isEmpty(), "nothing reported yet");

        Writes.done(submitReports.submit(Reports.khabarovsk2022()));
        now.addAndGet(QUIET.toNanos() - 1); // a next batch could still come: the region waits
        assertFalse(keeper.awaitIdle(Duration.ofMillis(300)), "waiting for the batches to pause");
        assertTrue(statuses.current(KHABAROVSK).isEmpty(), "not refreshed while the load may go on");

        now.addAndGet(MAX_DELAY.toNanos()); // the load went on past the longest a region may wait
        assertTrue(keeper.awaitIdle(Duration.ofSeconds(30)), "refreshed once the delay is over");
        assertFalse(statuses.current(KHABAROVSK).isEmpty(), "the gauges follow the batch");
    }
}
