package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.territory.TerritoryCode;

class ReadModelKeeperTest {

    private static final TerritoryCode KHABAROVSK = Territories.khabarovskKrai().code();
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Fakes fakes = new Fakes();
    private final StatusQueries queries = fakes.statusQueries();
    private final StatusReadModel statuses = fakes.statusReadModel(queries, fakes.reports, Fakes.NO_REGION_FAILS,
            "2022-12-15T00:00:00Z");
    private final OutlookReadModel outlook = fakes.outlookReadModel(statuses, queries);
    /** The keeper's clock: it moves only when the test moves it. */
    private final AtomicLong now = new AtomicLong();
    private final ReadModelKeeper keeper = new ReadModelKeeper(statuses, outlook,
            Executors.newSingleThreadScheduledExecutor(), now::get, QUIET, MAX_DELAY);
    private final SubmitReports submitReports = fakes.submitReports(keeper);

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
