package tsos.monitor.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.TerritoryCode;

/** Where reported counts are kept: every value ever sent, so that corrections keep what they corrected. */
public interface ReportStore {

    /** A stored batch, as the first answer to it said. */
    record StoredBatch(String batchId, String idempotencyKey, String fingerprint, String sender, Instant receivedAt,
                       int valuesStored, int valuesSuperseded) {
    }

    /** One stored value, with where it came from; superseded when a later report corrected it. */
    record ReportedValue(String period, Month planMonth, Metric metric, long value, Instant receivedAt, String sender,
                         String batchId, boolean superseded) {
    }

    /** The sender's batch stored under this key: a key is the sender's own, another sender's is not seen. */
    Optional<StoredBatch> findBatch(String sender, String idempotencyKey);

    /** Every value the territory itself reported for these metrics, oldest period first, corrections included. */
    List<ReportedValue> history(TerritoryCode territory, Set<Metric> metrics);

    /**
     * Stores the reports of one batch; the caller holds the transaction. Empty when a concurrent call stored a
     * batch of the same sender under the same idempotency key first: the caller then reads that one.
     */
    Optional<StoredBatch> store(String idempotencyKey, String fingerprint, String sender, List<TerritoryReport> reports);

    /**
     * A month with data of one metric for a region or for one of its municipalities (everything below it summed
     * in): the latest end of a period reported in it, the latest time a value arrived and the first.
     */
    record DataMonth(TerritoryCode territory, Metric metric, Month month, java.time.LocalDate latestPeriodEnd,
                     Instant lastReceived, Instant firstReceived) {
    }

    /** Every month with data of these metrics in a region, by metric, for the region and for each municipality. */
    List<DataMonth> dataMonths(TerritoryCode region, Set<Metric> metrics);

    /** When a value of one of these metrics last arrived from anywhere in the country; empty before the first. */
    Optional<Instant> lastReceived(Set<Metric> metrics);

    /** The months in which the territory or anything below it reported one of these metrics, oldest first. */
    List<Month> monthsWithData(TerritoryCode root, Set<Metric> metrics);

    /**
     * The latest count of each metric, for the territory and every territory below it, among the reports whose
     * period ends in the month: the latest period first, then the latest committed (a correction; the writers of a
     * region take turns, see {@link RegionRevisions#advance}, so "latest" is the same here and in the history).
     */
    Map<TerritoryCode, Counts> latestCounts(TerritoryCode root, Month month, Set<Metric> metrics);

    /**
     * The latest count of each wanted metric of each wanted territory of a region, among the reports whose period
     * ends before the month (the latest period first, then the latest received); a metric never sent is absent.
     */
    Map<TerritoryCode, Counts> latestBefore(TerritoryCode region, Month month, Map<TerritoryCode, Set<Metric>> wanted);

    /**
     * As {@link #latestCounts} among the reports whose period ends in the ISO week (a date range in the week of its
     * last day): a weekly indicator's week ({@link tsos.monitor.domain.status.StatusPeriod}).
     */
    Map<TerritoryCode, Counts> latestCountsInWeek(TerritoryCode root, IsoWeek week, Set<Metric> metrics);

    /** As {@link #latestBefore} among the reports whose period ends before the week's Monday. */
    Map<TerritoryCode, Counts> latestBeforeWeek(TerritoryCode region, IsoWeek week,
                                                Map<TerritoryCode, Set<Metric>> wanted);

    /**
     * One metric of a region or of one of its municipalities (everything below it summed in) around an ISO week:
     * when its first value of a period ending in the week arrived, and the end of its latest period ending before
     * the week in the week's plan months (earlier months: {@link #dataMonths}). Either may be absent.
     */
    record DataWeek(TerritoryCode territory, Metric metric, Optional<Instant> firstReceived,
                    Optional<java.time.LocalDate> latestEndBefore) {
    }

    /** Every metric of the region and of each municipality with a value in the week's plan months up to its end. */
    List<DataWeek> dataWeeks(TerritoryCode region, IsoWeek week, Set<Metric> metrics);

    /** The ISO weeks in which the territory or anything below it reported one of these metrics, oldest first. */
    List<IsoWeek> weeksWithData(TerritoryCode root, Set<Metric> metrics);
}
