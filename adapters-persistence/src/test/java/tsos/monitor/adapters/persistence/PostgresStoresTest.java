package tsos.monitor.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.PlanTarget;
import tsos.monitor.domain.port.CatalogueSource;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.StoreContention;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.Municipality;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLookup;
import tsos.monitor.domain.territory.TerritoryResolution;
import tsos.monitor.domain.territory.TerritoryReference;

/** The PostgreSQL adapter against a real PostgreSQL: Orel Oblast (57) is this class's own region. */
class PostgresStoresTest {

    private static final Metric STUDENTS_WITH_ACCESS = new Metric("students_with_access");
    private static final Metric STUDENTS_TOTAL = new Metric("students_total");
    private static final TerritoryCode OREL = TerritoryCode.region("57");
    private static final TerritoryCode MTSENSK = TerritoryCode.municipality("57", "mtsensk");

    private static ApplicationContext context;
    private static TerritoryDirectory territories;
    private static ReportStore reports;
    private static Transactions transactions;

    @BeforeAll
    static void start() {
        context = PostgresAdapters.context();
        territories = context.getBean(TerritoryDirectory.class);
        reports = context.getBean(ReportStore.class);
        transactions = context.getBean(Transactions.class);
        transactions.inTransaction(() -> territories.register(List.of(
                new Municipality(MTSENSK, "Мценский район"),
                new Municipality(TerritoryCode.municipality("57", "livny"), "Ливенский район"))));
    }

    @Test
    void the_89_regions_of_russia_ship_with_the_schema() {
        for (int code = 1; code <= 95; code++) {
            String region = String.format("%02d", code);
            boolean shipped = territories.find(TerritoryCode.region(region)).isPresent();
            assertEquals(!Set.of("80", "81", "82", "84", "85", "88").contains(region), shipped, region);
        }
        assertEquals("Хабаровский край", territories.find(TerritoryCode.region("27")).orElseThrow().name());
    }

    @Test
    void the_catalogue_is_read_from_data_with_its_school_rule_and_bands() {
        IndicatorCatalogue catalogue = context.getBean(CatalogueSource.class).load();
        assertEquals(25, catalogue.all().size());
        var schools = catalogue.find("2.3").orElseThrow();
        assertEquals(2, schools.schoolRule().orElseThrow().criteria().size());
        assertEquals("sufficient", schools.bands().levelOf(Percent.of("30.00")).orElseThrow().name());
        assertEquals(new Metric("schools_in_sferum"), catalogue.find("sferum.schools_active").orElseThrow().denominator());
    }

    /** The tests' hand-written catalogue is the one the migrations load, indicator by indicator, field by field. */
    @Test
    void the_catalogue_fixture_is_what_the_migrations_load() {
        IndicatorCatalogue loaded = context.getBean(CatalogueSource.class).load();
        IndicatorCatalogue fixture = Catalogue.standard();
        Comparator<IndicatorDefinition> byCode = Comparator.comparing(IndicatorDefinition::code);

        assertEquals(fixture.all().stream().sorted(byCode).toList(), loaded.all().stream().sorted(byCode).toList());
        assertEquals(fixture.metrics(), loaded.metrics());
    }

    @Test
    void a_municipality_is_found_by_code_or_by_its_name_within_the_region() {
        TerritoryLookup lookup = TerritoryResolution.over(territories);
        assertEquals(Optional.of(MTSENSK), lookup.resolve(new TerritoryReference("57", " мценский РАЙОН ", ""))
                .fold(found -> Optional.of(found.code()), notFound -> Optional.empty()));
        assertEquals("municipality", lookup.resolve(new TerritoryReference("27", "Мценский район", ""))
                .fold(found -> "found", notFound -> notFound.field().word()));
        assertEquals(2, territories.children(OREL).size());
    }

    @Test
    void a_rename_made_through_another_replica_is_seen_once_the_region_s_revision_moves() {
        TerritoryCode livny = TerritoryCode.municipality("57", "livny");
        assertEquals("Ливенский район", territories.find(livny).orElseThrow().name());
        Sql elsewhere = context.getBean(Sql.class); // the same database, written past this replica's directory
        transactions.inTransaction(() -> {
            context.getBean(RegionRevisions.class).advance(Set.of(OREL));
            return elsewhere.prepareStatement("update territory set name = 'Ливенский муниципальный округ' "
                    + "where region = '57' and municipality = 'livny'", PreparedStatement::executeUpdate);
        });
        assertEquals("Ливенский муниципальный округ", territories.find(livny).orElseThrow().name());
        transactions.inTransaction(() -> territories.register(List.of(new Municipality(livny, "Ливенский район"))));
    }

    @Test
    void a_batch_for_a_territory_registered_through_another_replica_is_stored() {
        store("orel-ids-known", territories.find(MTSENSK).orElseThrow(), "2024-W44", 1, 10);
        TerritoryCode zolotukhino = TerritoryCode.municipality("46", "zolotukhino");
        Sql elsewhere = context.getBean(Sql.class); // registered past this replica's cache of ids
        transactions.inTransaction(() -> elsewhere.prepareStatement("insert into territory (region, municipality, "
                + "name, parent_id) select '46', 'zolotukhino', 'Золотухинский район', id from territory "
                + "where region = '46' and municipality = ''", PreparedStatement::executeUpdate));
        Territory unseen = new Municipality(zolotukhino, "Золотухинский район");

        // The id is read before the values are copied: a connection in COPY answers no other query.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> store("kursk-unseen-territory", unseen, "2024-W45", 2, 10));
        assertEquals(2L, latest(zolotukhino, Month.of(2024, 11)).get(STUDENTS_WITH_ACCESS).getAsLong());
    }

    @Test
    void a_stored_batch_is_never_deleted_so_no_value_outlives_it() {
        Territory mtsensk = territories.find(MTSENSK).orElseThrow();
        long batch = Long.parseLong(store("orel-kept", mtsensk, "2024-W45", 1, 10).batchId());
        Sql sql = context.getBean(Sql.class);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> sql.prepareStatement(
                "delete from report_batch where id = ?", statement -> {
                    statement.setLong(1, batch);
                    return statement.executeUpdate();
                }));

        assertTrue(refused.getMessage().contains("report_batch is append-only"), refused.getMessage());
        assertEquals(1L, latest(MTSENSK, Month.of(2024, 11)).get(STUDENTS_WITH_ACCESS).getAsLong());
    }

    @Test
    void a_week_s_counts_are_the_latest_reports_ending_in_it_across_its_two_plan_months() {
        Territory livny = territories.find(TerritoryCode.municipality("57", "livny")).orElseThrow();
        store("livny-2025-w04", livny, "2025-01-20/2025-01-26", 19, 100);
        store("livny-2025-w05-january", livny, "2025-01-27/2025-01-31", 20, 100);
        store("livny-2025-w05-february", livny, "2025-02-01/2025-02-02", 21, 100);
        store("livny-2025-w06", livny, "2025-02-03/2025-02-05", 30, 100);
        IsoWeek w05 = new IsoWeek(2025, 5); // 27.01–02.02.2025

        Counts week = reports.latestCountsInWeek(livny.code(), w05, Set.of(STUDENTS_WITH_ACCESS, STUDENTS_TOTAL))
                .get(livny.code());
        Counts before = reports.latestBeforeWeek(TerritoryCode.region("57"), w05,
                Map.of(livny.code(), Set.of(STUDENTS_WITH_ACCESS))).get(livny.code());

        assertEquals(21L, week.get(STUDENTS_WITH_ACCESS).getAsLong(), "February's Sunday ends latest in the week");
        assertEquals(19L, before.get(STUDENTS_WITH_ACCESS).getAsLong(), "the week before, not January's later days");
        ReportStore.DataWeek around = reports.dataWeeks(TerritoryCode.region("57"), w05, Set.of(STUDENTS_WITH_ACCESS))
                .stream().filter(data -> data.territory().equals(livny.code())).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of(java.time.LocalDate.of(2025, 1, 26)), around.latestEndBefore());
        assertTrue(around.firstReceived().isPresent(), "values ending in the week arrived");
        assertEquals(List.of(new IsoWeek(2025, 4), w05, new IsoWeek(2025, 6)),
                reports.weeksWithData(livny.code(), Set.of(STUDENTS_WITH_ACCESS)).stream()
                        .filter(w -> w.weekBasedYear() == 2025).toList());
    }

    @Test
    void a_transaction_that_postgresql_aborts_as_a_deadlock_s_victim_is_run_again_inside() throws Exception {
        // PostgreSQL aborts the side whose deadlock check, a second after it began to wait, finds the cycle: ours as
        // a rule, the other writer's when a loaded machine makes the other close the cycle later than that. Rounds
        // are played until ours has been the victim.
        int attempts = 0;
        for (int round = 0; round < 5 && attempts < 2; round++) {
            attempts = attemptsOfOneDeadlock();
        }
        assertTrue(attempts >= 2, "aborted as the deadlock's victim, then run again: " + attempts);
    }

    /** How many times our transaction ran, meeting another writer that takes the same two regions the other way. */
    private int attemptsOfOneDeadlock() throws Exception {
        Sql sql = context.getBean(Sql.class);
        CountDownLatch belgorodHeld = new CountDownLatch(1);
        CountDownLatch bryanskHeld = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // Another writer holds Bryansk, then waits for Belgorod once this transaction waits for Bryansk.
        Future<?> other = pool.submit(() -> {
            try (Connection connection = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
                    TestDatabase.password())) {
                connection.setAutoCommit(false);
                connection.createStatement().execute("select 1 from region_revision where region = '32' for update");
                bryanskHeld.countDown();
                belgorodHeld.await();
                while (!LockWaits.someoneWaitsForALock(connection)) {
                    Thread.sleep(10);
                }
                try {
                    connection.createStatement().execute("select 1 from region_revision where region = '31' for update");
                    connection.commit();
                } catch (SQLException victim) {
                    assertEquals("40P01", victim.getSQLState(), victim.getMessage()); // the other was the victim
                    connection.rollback();
                }
            }
            return null;
        });

        String outcome = transactions.inTransaction(() -> {
            attempts.incrementAndGet();
            lock(sql, "31");
            belgorodHeld.countDown();
            LockWaits.awaitUninterruptibly(bryanskHeld);
            lock(sql, "32");
            return "done";
        });

        other.get();
        pool.shutdown();
        assertEquals("done", outcome);
        return attempts.get();
    }

    @Test
    void a_transaction_that_loses_to_a_concurrent_update_every_time_is_given_up_as_contention() throws SQLException {
        Sql sql = context.getBean(Sql.class);
        AtomicInteger attempts = new AtomicInteger();
        try (Connection other = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
                TestDatabase.password())) {
            StoreContention givenUp = assertThrows(StoreContention.class, () -> transactions.inTransaction(() -> {
                attempts.incrementAndGet();
                sql.prepareStatement("set transaction isolation level repeatable read", statement -> statement
                        .execute());
                sql.prepareStatement("select revision from region_revision where region = '33'", statement ->
                        statement.execute());
                try {
                    // Another writer changes the row after this transaction's snapshot: updating it cannot serialize.
                    other.createStatement().execute(
                            "update region_revision set revision = revision where region = '33'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return sql.prepareStatement("update region_revision set revision = revision where region = '33'",
                        statement -> statement.executeUpdate());
            }));
            assertTrue(givenUp.getMessage().contains("40001"), givenUp.getMessage());
        }
        assertEquals(3, attempts.get());
    }

    private static void lock(Sql sql, String region) {
        sql.prepareStatement("select 1 from region_revision where region = ? for update", statement -> {
            statement.setString(1, region);
            return statement.execute();
        });
    }

    private static ReportStore.StoredBatch store(String key, Territory territory, String period, long part, long whole) {
        return transactions.inTransaction(() -> reports.store(key, "0".repeat(64), "test",
                List.of(report(territory, period, part, whole)))).orElseThrow();
    }

    private static TerritoryReport report(Territory territory, String period, long part, long whole) {
        return new TerritoryReport(territory, ReportingPeriod.parse(period),
                new Counts(Map.of(STUDENTS_WITH_ACCESS, part, STUDENTS_TOTAL, whole)));
    }

    private static Counts latest(TerritoryCode code, Month month) {
        return reports.latestCounts(code, month, Set.of(STUDENTS_WITH_ACCESS, STUDENTS_TOTAL))
                .getOrDefault(code, new Counts(Map.of()));
    }
}
