package tsos.monitor.application.fakes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
import java.util.function.Predicate;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.report.CorrectionRule;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.status.StatusPeriod;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/**
 * Reported values in memory, with the semantics of the PostgreSQL store (the ports' contract tests hold both to
 * them): every value is kept; which counts and which was corrected is the domain's {@link CorrectionRule}.
 */
public final class InMemoryReportStore implements ReportStore, InMemoryTransactions.Participant {

    private record Value(long id, TerritoryCode territory, String period, LocalDate periodEnd, Month planMonth,
                         Metric metric, long value, String batchId) {

        CorrectionRule.StoredValue asStored() {
            return new CorrectionRule.StoredValue(territory, period, metric, periodEnd, id);
        }
    }

    private record SendersKey(String sender, String idempotencyKey) {
    }

    private static final Comparator<Value> COUNTING_ORDER = Comparator.comparing(Value::asStored,
            CorrectionRule.COUNTING_ORDER);

    private static final Instant EPOCH = Instant.parse("2022-11-22T09:00:00Z");

    private final InMemoryTransactions transactions;
    private final Map<SendersKey, StoredBatch> batches = new LinkedHashMap<>();
    private final List<Value> values = new ArrayList<>();
    private long nextId = 1;
    private int latestCountsLoads;
    private int dataMonthsReads;

    /** How many times a month's latest counts were read: what keeping region-months in memory saves. */
    public int latestCountsLoads() {
        return latestCountsLoads;
    }

    /** How many times a region's data months were read. */
    public int dataMonthsReads() {
        return dataMonthsReads;
    }

    public InMemoryReportStore(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enlist(this);
    }

    @Override
    public Runnable checkpoint() {
        Map<SendersKey, StoredBatch> batchesBefore = new LinkedHashMap<>(batches);
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
        return Optional.ofNullable(batches.get(new SendersKey(sender, idempotencyKey)));
    }

    @Override
    public Optional<StoredBatch> store(String idempotencyKey, String fingerprint, String sender,
                                       List<TerritoryReport> reports) {
        transactions.requireOpen();
        if (batches.containsKey(new SendersKey(sender, idempotencyKey))) {
            return Optional.empty();
        }
        String batchId = Long.toString(batches.size() + 1);
        Instant receivedAt = EPOCH.plusSeconds(batches.size());
        int stored = 0;
        int superseded = 0;
        for (TerritoryReport report : reports) {
            for (Map.Entry<Metric, Long> count : report.counts().values().entrySet()) {
                Value value = new Value(nextId++, report.territory().code(), report.period().text(),
                        report.period().end(), new Month(report.period().planMonth()), count.getKey(),
                        count.getValue(), batchId);
                superseded += values.stream().anyMatch(earlier -> CorrectionRule.supersedes(value.asStored(),
                        earlier.asStored())) ? 1 : 0;
                values.add(value);
                stored++;
            }
        }
        StoredBatch batch = new StoredBatch(batchId, idempotencyKey, fingerprint, sender, receivedAt, stored, superseded);
        batches.put(new SendersKey(sender, idempotencyKey), batch);
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
                    boolean superseded = values.stream().anyMatch(later -> CorrectionRule.supersedes(
                            later.asStored(), v.asStored()));
                    return new ReportedValue(v.period(), v.planMonth(), v.metric(), v.value(), batch.receivedAt(),
                            batch.sender(), v.batchId(), superseded);
                })
                .toList();
    }

    @Override
    public List<DataMonth> dataMonths(TerritoryCode region, Set<Metric> metrics) {
        dataMonthsReads++;
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
        return latest(v -> v.planMonth().compareTo(month) < 0
                && wanted.getOrDefault(v.territory(), Set.of()).contains(v.metric()));
    }

    @Override
    public Map<TerritoryCode, Counts> latestCounts(TerritoryCode root, Month month, Set<Metric> metrics) {
        latestCountsLoads++;
        return latest(v -> v.planMonth().equals(month) && metrics.contains(v.metric()) && within(root, v.territory()));
    }

    @Override
    public Map<TerritoryCode, Counts> latestCountsInWeek(TerritoryCode root, IsoWeek week, Set<Metric> metrics) {
        latestCountsLoads++;
        return latest(v -> !v.periodEnd().isBefore(week.start()) && !v.periodEnd().isAfter(week.end())
                && metrics.contains(v.metric()) && within(root, v.territory()));
    }

    @Override
    public Map<TerritoryCode, Counts> latestBeforeWeek(TerritoryCode region, IsoWeek week,
                                                       Map<TerritoryCode, Set<Metric>> wanted) {
        return latest(v -> v.periodEnd().isBefore(week.start())
                && wanted.getOrDefault(v.territory(), Set.of()).contains(v.metric()));
    }

    @Override
    public List<DataWeek> dataWeeks(TerritoryCode region, IsoWeek week, Set<Metric> metrics) {
        record Group(TerritoryCode territory, Metric metric) {
        }
        Map<Group, Optional<Instant>> first = new LinkedHashMap<>();
        Map<Group, Optional<LocalDate>> before = new LinkedHashMap<>();
        values.stream().filter(v -> within(region, v.territory()) && metrics.contains(v.metric())
                        && !v.periodEnd().isAfter(week.end())
                        && !YearMonth.from(v.periodEnd()).isBefore(YearMonth.from(week.start())))
                .forEach(v -> {
                    List<TerritoryCode> summedIn = v.territory().municipality().isEmpty() ? List.of(region)
                            : List.of(region, TerritoryCode.municipality(region.region(), v.territory().municipality()));
                    Instant received = batchById(v.batchId()).receivedAt();
                    for (TerritoryCode territory : summedIn) {
                        Group group = new Group(territory, v.metric());
                        first.putIfAbsent(group, Optional.empty());
                        before.putIfAbsent(group, Optional.empty());
                        if (v.periodEnd().isBefore(week.start())) {
                            before.merge(group, Optional.of(v.periodEnd()), (a, b) -> a.isEmpty() || b.isPresent()
                                    && b.get().isAfter(a.get()) ? b : a);
                        } else {
                            first.merge(group, Optional.of(received), (a, b) -> a.isEmpty() || b.isPresent()
                                    && b.get().isBefore(a.get()) ? b : a);
                        }
                    }
                });
        return first.keySet().stream().map(group -> new DataWeek(group.territory(), group.metric(), first.get(group),
                before.get(group))).toList();
    }

    @Override
    public List<IsoWeek> weeksWithData(TerritoryCode root, Set<Metric> metrics) {
        Set<IsoWeek> weeks = new TreeSet<>(Comparator.comparing(IsoWeek::start));
        values.stream().filter(v -> within(root, v.territory()) && metrics.contains(v.metric()))
                .forEach(v -> StatusPeriod.weekOf(v.periodEnd()).ifPresent(weeks::add));
        return List.copyOf(weeks);
    }

    /** The latest value of each territory's metric among those kept: the latest period first, then the latest id. */
    private Map<TerritoryCode, Counts> latest(Predicate<Value> kept) {
        Map<TerritoryCode, Map<Metric, Long>> latest = new HashMap<>();
        values.stream().filter(kept)
                .sorted(COUNTING_ORDER)
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
