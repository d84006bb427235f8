package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.fakes.InMemoryRegionRevisions;
import tsos.monitor.application.fakes.InMemoryReportStore;
import tsos.monitor.application.fakes.InMemoryTerritoryDirectory;
import tsos.monitor.application.fakes.InMemoryTransactions;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.report.ReportBatch;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.refusal.Refusal;
import tsos.monitor.domain.refusal.Refusal.Ground;
import tsos.monitor.domain.refusal.Refusal.Rows;
import tsos.monitor.domain.refusal.Violation;
import tsos.monitor.domain.territory.TerritoryCode;

class SubmitReportsTest {

    private static final TerritoryCode KHABAROVSK = Territories.khabarovskKrai().code();
    private static final Set<Metric> ALL_METRICS = Catalogue.standard().metrics();

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryReportStore store = new InMemoryReportStore(transactions);
    private final InMemoryRegionRevisions revisions = new InMemoryRegionRevisions(transactions);
    private final List<Set<TerritoryCode>> toldStored = new ArrayList<>();
    private final List<WriteResult<SubmitReports.Stored>> observed = new ArrayList<>();
    private final SubmitReports submitReports = new SubmitReports(Catalogue.standard(),
            InMemoryTerritoryDirectory.standard(), store, transactions, revisions, 100, List.of(toldStored::add),
            List.of((result, rows) -> observed.add(result)));

    private Map<TerritoryCode, Counts> latestKhabarovsk() {
        return store.latestCounts(KHABAROVSK, Reports.KHABAROVSK_2022_MONTH, ALL_METRICS);
    }

    @Test
    void a_valid_batch_is_stored_once() {
        WriteResult<SubmitReports.Stored> result = submitReports.submit(Reports.khabarovsk2022());

        var stored = Writes.done(result);
        assertFalse(stored.replayed());
        assertEquals(6, stored.batch().valuesStored());
        assertEquals("khabarovsk-2022-11", stored.batch().idempotencyKey());
        assertEquals(List.of(), stored.warnings());
        assertEquals(1, store.batchCount());
        assertEquals(Map.of(KHABAROVSK, Counts.of(Reports.khabarovsk2022Counts())), latestKhabarovsk());
        assertEquals(1, transactions.committed());
        assertEquals(1, toldStored.size());
        assertEquals(List.of(result), observed);
    }

    @Test
    void the_same_key_with_the_same_content_is_replayed_and_nothing_is_stored_twice() {
        var first = Writes.done(submitReports.submit(Reports.khabarovsk2022()));

        WriteResult<SubmitReports.Stored> again = submitReports.submit(Reports.khabarovsk2022());

        var replayed = Writes.done(again);
        assertTrue(replayed.replayed());
        assertEquals(first.batch(), replayed.batch());
        assertEquals(1, store.batchCount());
        assertEquals(6, store.valueCount());
        assertEquals(1, toldStored.size(), "a replay is not a new batch for the read models");
        assertEquals(2, observed.size());
    }

    @Test
    void a_retry_with_its_counts_in_another_order_is_the_same_content() {
        submitReports.submit(Reports.khabarovsk2022());
        Map<String, Long> reordered = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> entries = new ArrayList<>(Reports.khabarovsk2022Counts().entrySet());
        java.util.Collections.reverse(entries);
        entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));

        WriteResult<SubmitReports.Stored> again = submitReports.submit(Reports.batch("khabarovsk-2022-11",
                Reports.row(Territories.khabarovskKrai(), "2022-11", reordered)));

        assertTrue(Writes.done(again).replayed());
        assertEquals(6, store.valueCount());
    }

    @Test
    void the_same_key_with_other_content_is_refused_as_key_reused_and_stores_nothing() {
        var first = Writes.done(submitReports.submit(Reports.khabarovsk2022()));
        Map<String, Long> corrected = new LinkedHashMap<>(Reports.khabarovsk2022Counts());
        corrected.put("students_with_access", 12_000L);

        Refusal reused = Writes.refusal(submitReports.submit(Reports.batch("khabarovsk-2022-11",
                Reports.row(Territories.khabarovskKrai(), "2022-11", corrected))));

        assertEquals(Ground.CONFLICT, reused.ground());
        Violation key = reused.all().get(0);
        assertEquals(Violation.BATCH, key.row());
        assertEquals(Field.Column.IDEMPOTENCY_KEY, key.at());
        assertTrue(key.reason().contains("'khabarovsk-2022-11'") && key.reason().contains("batch "
                + first.batch().batchId()), key.reason());
        assertEquals(1, store.batchCount());
        assertEquals(6, store.valueCount());
        assertEquals(11_869L, latestKhabarovsk().get(KHABAROVSK).get(new Metric("students_with_access")).getAsLong());
        assertEquals(1, toldStored.size());
    }

    @Test
    void a_correction_under_a_new_key_is_stored_and_becomes_the_latest() {
        submitReports.submit(Reports.khabarovsk2022());

        var correction = Writes.done(submitReports.submit(Reports.batch(
                "khabarovsk-2022-11-fix", Reports.row(Territories.khabarovskKrai(), "2022-11",
                        Reports.counts("students_with_access", 12_000L)))));

        assertFalse(correction.replayed());
        assertEquals(1, correction.batch().valuesSuperseded());
        assertEquals(7, store.valueCount(), "the corrected value is kept");
        assertEquals(12_000L, latestKhabarovsk().get(KHABAROVSK).get(new Metric("students_with_access")).getAsLong());
    }

    @Test
    void a_malformed_batch_is_refused_and_the_store_holds_nothing() {
        ReportBatch batch = Reports.batch("k1",
                Reports.row(Territories.khabarovskKrai(), "2022-11", Reports.khabarovsk2022Counts()),
                Reports.row(Territories.amurskyDistrict(), "2022-13", Reports.counts("students_total", 10L)),
                Reports.row(Territories.vaninskyDistrict(), "2022-11", Reports.counts("foo", 1L)));

        WriteResult<SubmitReports.Stored> result = submitReports.submit(batch);

        Refusal refused = Writes.refusal(result);
        assertEquals(Ground.INVALID, refused.ground());
        assertEquals(List.of(new Violation(1, Field.Column.PERIOD, ""), new Violation(2, new Field.Count("foo"), "")),
                refused.violations().get(Rows.REPORTS).stream().map(v -> new Violation(v.row(), v.at(), "")).toList());
        assertTrue(store.isEmpty());
        assertEquals(0, transactions.opened());
        assertEquals(List.of(), toldStored);
        assertEquals(List.of(result), observed, "a refusal is observed too");
    }

    @Test
    void a_malformed_batch_is_refused_even_under_a_key_already_used() {
        submitReports.submit(Reports.khabarovsk2022());

        Refusal refused = Writes.refusal(submitReports.submit(Reports.batch("khabarovsk-2022-11",
                Reports.row(Territories.khabarovskKrai(), "2022-13", Reports.khabarovsk2022Counts()))));

        assertEquals(Ground.INVALID, refused.ground());
        assertEquals(1, store.batchCount());
    }

    @Test
    void an_inconsistent_batch_is_stored_as_sent_with_a_warning() {
        WriteResult<SubmitReports.Stored> result = submitReports.submit(Reports.batch("sferum-2023-w08",
                Reports.row(Territories.khabarovskKrai(), "2023-02-20/2023-02-22",
                        Reports.counts("teachers_in_sferum", 18_013L, "teachers_total", 17_218L))));

        var stored = Writes.done(result);
        assertEquals(1, stored.warnings().size());
        assertEquals(0, stored.warnings().get(0).row());
        assertEquals(List.of("teachers_in_sferum", "teachers_total"), stored.warnings().get(0).fields());
        assertEquals(2, store.valueCount());
    }

    @Test
    void a_check_validates_the_batch_and_stores_nothing() {
        var checked = Writes.done(submitReports.check(Reports.khabarovsk2022()));
        assertEquals(6, checked.values());
        assertTrue(store.isEmpty());
        assertEquals(0, transactions.opened());
        assertEquals(List.of(), observed);
    }

    @Test
    void a_batch_whose_storing_fails_midway_leaves_nothing_behind_and_tells_no_listener() {
        ReportStore failsAfterWriting = new ReportStore() {
            @Override
            public java.util.Optional<StoredBatch> store(String key, String fingerprint, String sender,
                                                         List<TerritoryReport> reports) {
                store.store(key, fingerprint, sender, reports);
                throw new IllegalStateException("the database went away");
            }

            @Override
            public java.util.Optional<StoredBatch> findBatch(String sender, String key) {
                return store.findBatch(sender, key);
            }

            @Override
            public List<ReportedValue> history(TerritoryCode territory, Set<Metric> metrics) {
                return store.history(territory, metrics);
            }

            @Override
            public List<DataMonth> dataMonths(TerritoryCode region, Set<Metric> metrics) {
                return store.dataMonths(region, metrics);
            }

            @Override
            public java.util.Optional<java.time.Instant> lastReceived(Set<Metric> metrics) {
                return store.lastReceived(metrics);
            }

            @Override
            public List<tsos.monitor.domain.period.Month> monthsWithData(TerritoryCode root, Set<Metric> metrics) {
                return store.monthsWithData(root, metrics);
            }

            @Override
            public Map<TerritoryCode, Counts> latestCounts(TerritoryCode root, tsos.monitor.domain.period.Month month,
                                                           Set<Metric> metrics) {
                return store.latestCounts(root, month, metrics);
            }

            @Override
            public Map<TerritoryCode, Counts> latestBefore(TerritoryCode region, tsos.monitor.domain.period.Month month,
                                                           Map<TerritoryCode, Set<Metric>> wanted) {
                return store.latestBefore(region, month, wanted);
            }

            @Override
            public Map<TerritoryCode, Counts> latestCountsInWeek(TerritoryCode root,
                                                                 tsos.monitor.domain.period.IsoWeek week,
                                                                 Set<Metric> metrics) {
                return store.latestCountsInWeek(root, week, metrics);
            }

            @Override
            public Map<TerritoryCode, Counts> latestBeforeWeek(TerritoryCode region,
                                                               tsos.monitor.domain.period.IsoWeek week,
                                                               Map<TerritoryCode, Set<Metric>> wanted) {
                return store.latestBeforeWeek(region, week, wanted);
            }

            @Override
            public List<DataWeek> dataWeeks(TerritoryCode region, tsos.monitor.domain.period.IsoWeek week,
                                            Set<Metric> metrics) {
                return store.dataWeeks(region, week, metrics);
            }

            @Override
            public List<tsos.monitor.domain.period.IsoWeek> weeksWithData(TerritoryCode root, Set<Metric> metrics) {
                return store.weeksWithData(root, metrics);
            }
        };
        SubmitReports failing = new SubmitReports(Catalogue.standard(), InMemoryTerritoryDirectory.standard(),
                failsAfterWriting, transactions, revisions, 100, List.of(toldStored::add), List.of());

        assertThrows(IllegalStateException.class, () -> failing.submit(Reports.khabarovsk2022()));

        assertTrue(store.isEmpty());
        assertEquals(1, transactions.rolledBack());
        assertEquals(List.of(), toldStored);
    }
}
