package tsos.monitor.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.Municipality;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;

/** Writing generated reports in bulk, as the benchmark loads a year: Kostroma Oblast (44) is this class's region. */
class BulkReportWriterTest {

    private static final Metric STUDENTS_WITH_ACCESS = new Metric("students_with_access");
    private static final Metric STUDENTS_TOTAL = new Metric("students_total");
    private static final TerritoryCode KOSTROMA = TerritoryCode.region("44");
    private static final TerritoryCode BUY = TerritoryCode.municipality("44", "buy");

    private static ApplicationContext context;
    private static BulkReportWriter writer;
    private static ReportStore reports;
    private static Territory buy;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(TestDatabase.datasourceProperties());
        writer = context.getBean(BulkReportWriter.class);
        reports = context.getBean(ReportStore.class);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        context.getBean(Transactions.class).inTransaction(() -> territories.register(List.of(
                new Municipality(BUY, "Буйский район"))));
        buy = territories.find(BUY).orElseThrow();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void a_batch_written_in_bulk_is_read_as_a_batch_the_service_stored() {
        long revisionBefore = context.getBean(RegionRevisions.class).of(KOSTROMA);

        ReportStore.StoredBatch batch = writer.write("bench", "kostroma-week-5", List.of(
                report("2024-W05", 30, 300))).orElseThrow();

        assertEquals(2, batch.valuesStored());
        assertEquals(new Counts(Map.of(STUDENTS_WITH_ACCESS, 30L, STUDENTS_TOTAL, 300L)),
                reports.latestCounts(BUY, Month.of(2024, 2), Set.of(STUDENTS_WITH_ACCESS, STUDENTS_TOTAL))
                        .get(BUY));
        assertTrue(reports.dataMonths(KOSTROMA, Set.of(STUDENTS_TOTAL)).stream().anyMatch(month ->
                month.territory().equals(BUY) && month.month().equals(Month.of(2024, 2))),
                "the month is in data_month, as the read model finds months with data");
        assertEquals(revisionBefore + 1, context.getBean(RegionRevisions.class).of(KOSTROMA),
                "the region's revision advanced, so that its cached months are read again");
    }

    @Test
    void the_same_key_again_writes_nothing() {
        writer.write("bench", "kostroma-week-6", List.of(report("2024-W06", 31, 300))).orElseThrow();

        assertTrue(writer.write("bench", "kostroma-week-6", List.of(report("2024-W06", 99, 300))).isEmpty());
        assertEquals(List.of(31L), reports.history(BUY, Set.of(STUDENTS_WITH_ACCESS)).stream()
                .filter(value -> value.period().equals("2024-W06")).map(ReportStore.ReportedValue::value).toList());
    }

    @Test
    void the_rows_of_reports_copy_into_a_table_made_like_reported_value() throws Exception {
        ReportedValueRows rows = writer.rows(1, Instant.parse("2024-02-12T06:00:00Z"), List.of(
                report("2024-W07", 32, 300)));
        try (Connection db = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
                TestDatabase.password())) {
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                statement.execute("create temporary table kostroma_copy (like reported_value including all)");
            }
            assertEquals(2, rows.copyInto(db, "kostroma_copy"));
            db.rollback();
        }
    }

    private static TerritoryReport report(String period, long part, long whole) {
        return new TerritoryReport(buy, ReportingPeriod.parse(period),
                new Counts(Map.of(STUDENTS_WITH_ACCESS, part, STUDENTS_TOTAL, whole)));
    }
}
