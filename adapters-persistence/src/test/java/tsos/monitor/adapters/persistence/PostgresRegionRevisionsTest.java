package tsos.monitor.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.contracts.RegionRevisionsContract;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * The contract, and what only PostgreSQL can show: the fake's transactions are one thread's, so no writer of
 * it ever waits for another, and its revisions know only the regions advanced so far.
 */
class PostgresRegionRevisionsTest extends RegionRevisionsContract {

    private static final TerritoryCode KALUGA = TerritoryCode.region("40");

    @Override
    protected <T> T port(Class<T> type) {
        return PostgresAdapters.bean(type);
    }

    @Test
    void every_region_that_ships_with_the_schema_has_a_revision_from_the_start() {
        assertEquals(89, revisions().all().size());
    }

    @Test
    void a_second_writer_of_a_region_waits_until_the_first_commits() throws Exception {
        long before = revisions().of(KALUGA);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = writers.submit(() -> transactions().inTransaction(() -> {
                revisions().advance(Set.of(KALUGA));
                held.countDown();
                LockWaits.awaitUninterruptibly(release);
                return null;
            }));
            held.await();
            Future<?> second = writers.submit(() -> transactions().inTransaction(() -> {
                revisions().advance(Set.of(KALUGA));
                return null;
            }));

            awaitSomeoneWaitingForALock();
            assertFalse(second.isDone(), "the second writer went past a region the first holds");
            release.countDown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            writers.shutdownNow();
        }
        assertEquals(before + 2, revisions().of(KALUGA));
    }

    /** Fails after a minute: a writer that never waits is what this test is there to catch. */
    private static void awaitSomeoneWaitingForALock() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
                TestDatabase.password())) {
            while (!LockWaits.someoneWaitsForALock(connection)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no writer waited for the region the first one holds");
                }
                Thread.sleep(10);
            }
        }
    }
}
