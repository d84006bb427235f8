package tsos.monitor.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.YearStatusRefresher;
import tsos.monitor.application.YearStatusWriter;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.port.CatalogueSource;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.StoreUnavailable;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * The year's reporting tables with PostgreSQL killed (SIGKILL of all its processes) while the refresher's transaction
 * has already replaced a region's rows and waits to record their revision: a connection of the test holds that
 * region's row of {@code year_status_region}, so that the kill falls in the middle every time. The database is this
 * test's own, which restarts itself as the service's does. Longer: {@code -Dtsos.faults.yearKills=N}.
 */
class YearTablesWhenTheDatabaseIsKilledTest {

    private static final int KILLS = Integer.getInteger("tsos.faults.yearKills", 2);
    private static final TerritoryCode TOMSK = TerritoryCode.region("70");
    private static final Year YEAR = Year.of(2045);
    private static final ExecutorService REFRESHING = Executors.newSingleThreadExecutor();

    private static Path data;
    private static EmbeddedDatabase database;
    private static ApplicationContext context;
    private static YearStatusRefresher refresher;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("tsos-year-kill").resolve("data");
        database = EmbeddedDatabase.start(data, 0);
        context = ApplicationContext.run(TestDatabase.datasourceProperties(database.jdbcUrl(), database.user(),
                database.password()));
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        ReportStore reports = context.getBean(ReportStore.class);
        PlanStore plans = context.getBean(PlanStore.class);
        RegionRevisions revisions = context.getBean(RegionRevisions.class);
        IndicatorCatalogue catalogue = context.getBean(CatalogueSource.class).load();
        StatusQueries statuses = new StatusQueries(catalogue, territories, reports, plans, revisions, 4);
        refresher = new YearStatusRefresher(catalogue, statuses, territories, reports, plans, revisions,
                context.getBean(Transactions.class), context.getBean(YearStatusWriter.class), 1);
    }

    @AfterAll
    static void stop() {
        REFRESHING.shutdownNow();
        context.close();
        database.close();
    }

    /** A plan for the whole year, the region's revision advanced with it as every write of plans does. */
    private static void plan(String percent) {
        context.getBean(Transactions.class).inTransaction(() -> {
            context.getBean(RegionRevisions.class).advance(Set.of(TOMSK));
            context.getBean(PlanStore.class).saveMonthlyPlans(List.of(MonthlyPlan.constant(new IndicatorCode("2.1"),
                    TOMSK, YEAR, Percent.of(percent))));
            return null;
        });
    }

    @Test
    void a_refresh_killed_mid_transaction_leaves_the_earlier_year_whole_and_the_next_one_completes() throws Exception {
        int refreshesAfterRestart = 0;
        long rows = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            plan(10 + kill + ".00");
            refresher.refresh(TOMSK);
            String before = yearTables();
            assertTrue(before.contains(10 + kill + ".00"), before);
            plan(50 + kill + ".00");

            try (Connection holder = connect()) {
                holder.setAutoCommit(false);
                holder.createStatement().execute("select 1 from year_status_region where region = '70' for update");
                CompletableFuture<Void> refresh = CompletableFuture.runAsync(() -> refresher.refresh(TOMSK),
                        REFRESHING);
                awaitTheRefreshWaitingToRecordItsRevision(refresh);
                killTheServer();
                // The holder is let go only now: released earlier, it would let the refresh commit.
                refresh.handle((done, failure) -> null).get(120, TimeUnit.SECONDS);
            }

            awaitTheDatabaseBack();
            assertEquals(before, yearTables(), "after the restart, the year as it was before the killed refresh");
            rows = before.lines().count();
            refreshesAfterRestart += refreshUntilItCompletes();
            String after = yearTables();
            assertNotEquals(before, after);
            assertTrue(after.contains(50 + kill + ".00"), after);
        }
        System.out.printf("year tables, database killed mid-refresh: %d kills; after each restart the region's rows "
                + "as before the killed refresh (%d rows), none half-written; %d refreshes after the %d restarts to "
                + "write the new year%n", KILLS, rows, refreshesAfterRestart, KILLS);
    }

    /** SIGKILL of every process of the server at once, its backends first: none of them commits anything after. */
    private static void killTheServer() throws IOException {
        ProcessHandle postmaster = ProcessHandle.of(LeftoverPostmaster.pid(data).orElseThrow()).orElseThrow();
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /** The region's rows of the three tables, as text, in one order. */
    private static String yearTables() throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = connect()) {
            for (String table : List.of("year_status", "year_forecast", "year_status_region")) {
                try (ResultSet all = connection.createStatement().executeQuery("select t::text from " + table
                        + " t where region = '70' order by 1")) {
                    while (all.next()) {
                        rows.append(table).append(' ').append(all.getString(1)).append('\n');
                    }
                }
            }
        }
        return rows.toString();
    }

    /**
     * Past the replacement of the region's rows: its last statement, the revision's, waits for the holder. Asked on
     * a connection of its own: inside the holder's transaction, pg_stat_activity would stand still.
     */
    private static void awaitTheRefreshWaitingToRecordItsRevision(CompletableFuture<Void> refresh) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try (Connection watcher = connect()) {
            while (!LockWaits.someoneWaitsForALock(watcher, "insert into year_status_region")) {
                if (refresh.isDone()) {
                    refresh.get(); // throws what stopped it
                    throw new AssertionError("the refresh went past a row the test holds");
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the refresh never reached the revision's row");
                }
                Thread.sleep(10);
            }
        }
    }

    private static void awaitTheDatabaseBack() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try (Connection connection = connect()) {
                return;
            } catch (SQLException stillDown) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the database did not come back in 2 minutes", stillDown);
                }
                Thread.sleep(200);
            }
        }
    }

    /** How many refreshes it took: the pool may first hand out a connection that died with the server. */
    private static int refreshUntilItCompletes() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                refresher.refresh(TOMSK);
                return attempt;
            } catch (StoreUnavailable e) {
                if (attempt == 30) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }
}
