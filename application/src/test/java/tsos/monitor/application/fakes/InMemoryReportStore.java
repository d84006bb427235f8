package tsos.monitor.application.fakes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/**
 * Reported values in memory, with the semantics of the PostgreSQL store: every value is kept; the latest of a
 * territory, metric and plan month is the one of the latest period end, then the latest received.
 */
public final class InMemoryReportStore implements ReportStore, InMemoryTransactions.Participant {

    private record Value(long id, TerritoryCode territory, String period, LocalDate periodEnd, Month planMonth,
                         Metric metric, long value, String batchId) {
    }

    private static final Instant EPOCH = Instant.parse("2022-11-22T09:00:00Z");

    private final InMemoryTransactions transactions;
    private final Map<String, StoredBatch> batches = new LinkedHashMap<>();
    private final List<Value> values = new ArrayList<>();
    private long nextId = 1;
    private int latestCountsLoads;

    /** How many times a month's latest counts were read: what keeping region-months in memory saves. */
    public int latestCountsLoads() {
        return latestCountsLoads;
    }

    public InMemoryReportStore(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enlist(this);
    }

    @Override
    public Runnable checkpoint() {
        Map<String, StoredBatch> batchesBefore = new LinkedHashMap<>(batches);
        List<Value> valuesBefore = new ArrayList<>(values);
        return () -> {
            batches.clear();
            batches.putAll(batchesBefore);
            values.clear();
            values.addAll(valuesBefore);
        };
    }

    @Override
    public Optional<StoredBatch> findBatch(String sender, String idempotencyKey) {
        return Optional.ofNullable(batches.get(sender + "\n" + idempotencyKey));
    }

    @Override
    public Optional<StoredBatch> store(String idempotencyKey, String fingerprint, String sender,
                                       List<TerritoryReport> reports) {
        transactions.requireOpen();
        if (batches.containsKey(sender + "\n" + idempotencyKey)) {
            return Optional.empty();
        }
        String batchId = Long.toString(batches.size() + 1);
        Instant receivedAt = EPOCH.plusSeconds(batches.size());
        int stored = 0;
        int superseded = 0;
        for (TerritoryReport report : reports) {
            for (Map.Entry<Metric, Long> count : report.counts().values().entrySet()) {
                boolean corrects = values.stream().anyMatch(v -> v.territory().equals(report.territory().code())
                        && v.period().equals(report.period().text()) && v.metric().equals(count.getKey()));
                superseded += corrects ? 1 : 0;
                values.add(new Value(nextId++, report.territory().code(), report.period().text(), report.period().end(),
                        new Month(report.period().planMonth()), count.getKey(), count.getValue(), batchId));
                stored++;
            }
        }
        StoredBatch batch = new StoredBatch(batchId, idempotencyKey, fingerprint, sender, receivedAt, stored, superseded);
        batches.put(sender + "\n" + idempotencyKey, batch);
        return Optional.of(batch);
    }

    @Override
    public List<ReportedValue> history(TerritoryCode territory, Set<Metric> metrics) {
        return values.stream()
                .filter(v -> v.territory().equals(territory) && metrics.contains(v.metric()))
                .sorted(Comparator.comparing(Value::periodEnd).thenComparing(Value::period)
                        .thenComparing(Value::metric).thenComparing(Value::id))
                .map(v -> {
                    StoredBatch batch = batchById(v.batchId());
                    boolean superseded = values.stream().anyMatch(later -> later.territory().equals(v.territory())
                            && later.metric().equals(v.metric()) && later.period().equals(v.period())
                            && later.id() > v.id());
                    return new ReportedValue(v.period(), v.planMonth(), v.metric(), v.value(), batch.receivedAt(),
                            batch.sender(), v.batchId(), superseded);
                })
                .toList();
    }

    @Override
    public List<DataMonth> dataMonths(TerritoryCode region, Set<Metric> metrics) {
        record Group(TerritoryCode territory, Metric metric, Month month) {
        }
        Map<Group, DataMonth> months = new LinkedHashMap<>();
        for (Value v : values) {
            if (!v.territory().region().equals(region.region()) || !metrics.contains(v.metric())) {
                continue;
            }
            List<TerritoryCode> groups = new ArrayList<>(List.of(region));
            if (v.territory().level() != TerritoryLevel.REGION) {
                groups.add(v.territory().truncatedTo(TerritoryLevel.MUNICIPALITY));
            }
            Instant receivedAt = batchById(v.batchId()).receivedAt();
            for (TerritoryCode territory : groups) {
                months.merge(new Group(territory, v.metric(), v.planMonth()),
                        new DataMonth(territory, v.metric(), v.planMonth(), v.periodEnd(), receivedAt, receivedAt),
                        (a, b) -> new DataMonth(territory, a.metric(), a.month(),
                                a.latestPeriodEnd().isAfter(b.latestPeriodEnd()) ? a.latestPeriodEnd() : b.latestPeriodEnd(),
                                a.lastReceived().isAfter(b.lastReceived()) ? a.lastReceived() : b.lastReceived(),
                                a.firstReceived().isBefore(b.firstReceived()) ? a.firstReceived() : b.firstReceived()));
            }
        }
        return List.copyOf(months.values());
    }

    @Override
    public Optional<Instant> lastReceived(Set<Metric> metrics) {
        return values.stream().filter(v -> metrics.contains(v.metric())).map(v -> batchById(v.batchId()).receivedAt())
                .max(Comparator.naturalOrder());
    }

    @Override
    public List<Month> monthsWithData(TerritoryCode root, Set<Metric> metrics) {
        Set<Month> months = new TreeSet<>();
        values.stream().filter(v -> within(root, v.territory()) && metrics.contains(v.metric()))
                .forEach(v -> months.add(v.planMonth()));
        return List.copyOf(months);
    }

    @Override
    public Map<TerritoryCode, Counts> latestBefore(TerritoryCode region, Month month,
                                                   Map<TerritoryCode, Set<Metric>> wanted) {
        Map<TerritoryCode, Map<Metric, Long>> latest = new HashMap<>();
        values.stream()
                .filter(v -> v.planMonth().compareTo(month) < 0
                        && wanted.getOrDefault(v.territory(), Set.of()).contains(v.metric()))
                .sorted(Comparator.comparing(Value::periodEnd).thenComparing(Value::id))
                .forEach(v -> latest.computeIfAbsent(v.territory(), t -> new TreeMap<>()).put(v.metric(), v.value()));
        Map<TerritoryCode, Counts> counts = new HashMap<>();
        latest.forEach((territory, byMetric) -> counts.put(territory, new Counts(byMetric)));
        return counts;
    }

    @Override
    public Map<TerritoryCode, Counts> latestCounts(TerritoryCode root, Month month, Set<Metric> metrics) {
        latestCountsLoads++;
        Map<TerritoryCode, Map<Metric, Long>> latest = new HashMap<>();
        values.stream()
                .filter(v -> v.planMonth().equals(month) && metrics.contains(v.metric()) && within(root, v.territory()))
                .sorted(Comparator.comparing(Value::periodEnd).thenComparing(Value::id))
                .forEach(v -> latest.computeIfAbsent(v.territory(), t -> new TreeMap<>()).put(v.metric(), v.value()));
        Map<TerritoryCode, Counts> counts = new HashMap<>();
        latest.forEach((territory, byMetric) -> counts.put(territory, new Counts(byMetric)));
        return counts;
    }

    /** How many batches were stored. */
    public int batchCount() {
        return batches.size();
    }

    /** How many values were stored, corrections included. */
    public int valueCount() {
        return values.size();
    }

    public boolean isEmpty() {
        return batches.isEmpty() && values.isEmpty();
    }

    private StoredBatch batchById(String batchId) {
        return batches.values().stream().filter(b -> b.batchId().equals(batchId)).findFirst().orElseThrow();
    }

    private static boolean within(TerritoryCode root, TerritoryCode territory) {
        return root.equals(territory) || root.isAncestorOf(territory);
    }
}
