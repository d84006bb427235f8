package tsos.monitor.application.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.Municipality;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * What every {@link ReportStore} does, run against the fake and against PostgreSQL: every value kept, a
 * correction superseding what it corrects, a month's count the one of the period ending latest in it. The store
 * holds region 62 (Рязанская область); each test reports for a municipality of its own, so that they can share
 * one database.
 */
public abstract class ReportStoreContract extends PortContract {

    protected static final TerritoryCode RYAZAN = TerritoryCode.region("62");
    private static final Metric WITH_ACCESS = new Metric("students_with_access");
    private static final Metric TOTAL = new Metric("students_total");
    private static final Set<Metric> BOTH = Set.of(WITH_ACCESS, TOTAL);

    private Territory municipality(String code) {
        Municipality municipality = new Municipality(TerritoryCode.municipality("62", code), "Район " + code);
        transactions().inTransaction(() -> directory().register(List.of(municipality)));
        return municipality;
    }

    private ReportStore.StoredBatch store(String sender, String key, Territory territory, String period, long part) {
        return transactions().inTransaction(() -> reports().store(key, "0".repeat(64), sender,
                List.of(report(territory, period, part)))).orElseThrow();
    }

    private ReportStore.StoredBatch store(String key, Territory territory, String period, long part) {
        return store("contract", key, territory, period, part);
    }

    private static TerritoryReport report(Territory territory, String period, long part) {
        return new TerritoryReport(territory, ReportingPeriod.parse(period),
                new Counts(Map.of(WITH_ACCESS, part, TOTAL, 1000L)));
    }

    private OptionalLong latest(Territory territory, Month month) {
        return reports().latestCounts(territory.code(), month, BOTH).getOrDefault(territory.code(),
                new Counts(Map.of())).get(WITH_ACCESS);
    }

    @Test
    void a_correction_supersedes_the_earlier_value_and_both_are_kept() {
        Territory kasimov = municipality("kasimov");
        store("kasimov-first", kasimov, "2024-02", 100);
        ReportStore.StoredBatch correction = store("kasimov-correction", kasimov, "2024-02", 120);

        assertEquals(2, correction.valuesSuperseded());
        assertEquals(2, correction.valuesStored());
        assertEquals(OptionalLong.of(120), latest(kasimov, Month.of(2024, 2)));
        List<ReportStore.ReportedValue> history = reports().history(kasimov.code(), Set.of(WITH_ACCESS));
        assertEquals(List.of(100L, 120L), history.stream().map(ReportStore.ReportedValue::value).toList());
        assertEquals(List.of(true, false), history.stream().map(ReportStore.ReportedValue::superseded).toList());
    }

    @Test
    void a_correction_of_an_earlier_week_supersedes_and_a_new_week_or_a_month_supersedes_nothing() {
        Territory sasovo = municipality("sasovo");
        store("sasovo-week-14", sasovo, "2024-W14", 10);
        store("sasovo-week-15", sasovo, "2024-W15", 11);

        assertEquals(2, store("sasovo-week-14-corrected", sasovo, "2024-W14", 12).valuesSuperseded());
        assertEquals(0, store("sasovo-week-16", sasovo, "2024-W16", 13).valuesSuperseded());
        assertEquals(0, store("sasovo-march", sasovo, "2024-03", 13).valuesSuperseded(),
                "a month and a week ending in it are different periods");
    }

    @Test
    void a_month_s_count_is_the_one_of_the_period_that_ends_latest_in_it_whatever_the_order_stored() {
        Territory skopin = municipality("skopin");
        store("skopin-week-10", skopin, "2024-W10", 10);
        store("skopin-week-09", skopin, "2024-W09", 99);

        assertEquals(OptionalLong.of(10), latest(skopin, Month.of(2024, 3)));
    }

    @Test
    void the_latest_count_before_a_month_is_that_of_the_latest_earlier_period() {
        Territory mikhailov = municipality("mikhailov");
        store("mikhailov-january", mikhailov, "2024-01", 5);
        store("mikhailov-february", mikhailov, "2024-02", 7);
        store("mikhailov-april", mikhailov, "2024-04", 9);

        Map<TerritoryCode, Counts> before = reports().latestBefore(RYAZAN, Month.of(2024, 4),
                Map.of(mikhailov.code(), Set.of(WITH_ACCESS)));
        assertEquals(OptionalLong.of(7), before.get(mikhailov.code()).get(WITH_ACCESS));
        assertTrue(before.get(mikhailov.code()).get(TOTAL).isEmpty(), "only the metrics asked for");
    }

    @Test
    void the_months_with_data_are_those_of_the_territory_and_everything_below_it() {
        Territory rybnoe = municipality("rybnoe");
        store("rybnoe-may", rybnoe, "2024-05", 1);
        store("rybnoe-week-27", rybnoe, "2024-W27", 2);

        assertEquals(List.of(Month.of(2024, 5), Month.of(2024, 7)), reports().monthsWithData(rybnoe.code(), BOTH));
        assertTrue(reports().monthsWithData(RYAZAN, BOTH).containsAll(List.of(Month.of(2024, 5),
                Month.of(2024, 7))));
    }

    @Test
    void an_idempotency_key_is_its_sender_s_own() {
        Territory spassk = municipality("spassk");
        ReportStore.StoredBatch first = store("sender-a", "spassk-key", spassk, "2024-06", 1);

        assertEquals(Optional.of(first.batchId()),
                reports().findBatch("sender-a", "spassk-key").map(ReportStore.StoredBatch::batchId));
        assertEquals(Optional.empty(), reports().findBatch("sender-b", "spassk-key"));
        assertEquals(Optional.empty(), transactions().inTransaction(() -> reports().store("spassk-key",
                "1".repeat(64), "sender-a", List.of(report(spassk, "2024-06", 2)))), "stored once per key");
        assertTrue(store("sender-b", "spassk-key", spassk, "2024-06", 3).batchId().length() > 0);
    }

    @Test
    void a_failed_transaction_leaves_nothing_half_written() {
        Territory shilovo = municipality("shilovo");
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            reports().store("shilovo-rolled-back", "f".repeat(64), "contract", List.of(report(shilovo, "2024-05", 1)));
            throw new IllegalStateException("the sender's connection broke");
        }));

        assertEquals(Optional.empty(), reports().findBatch("contract", "shilovo-rolled-back"));
        assertEquals(OptionalLong.empty(), latest(shilovo, Month.of(2024, 5)));
    }
}
