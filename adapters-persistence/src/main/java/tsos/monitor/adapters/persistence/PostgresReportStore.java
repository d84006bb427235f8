package tsos.monitor.adapters.persistence;


import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.status.StatusPeriod;
import tsos.monitor.domain.territory.TerritoryCode;

@Singleton
final class PostgresReportStore implements ReportStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresReportStore.class);

    private static final String BATCH_COLUMNS = "select id, idempotency_key, fingerprint, sender, received_at, "
            + "values_stored, values_superseded from report_batch ";

    private final Sql jdbc;
    private final TerritoryIds territories;
    private final DataMonthLedger dataMonths;
    /** Territories and months already logged as outside the reporting years: logged once, not on every read. */
    private final Set<String> toldOutsideYears = java.util.concurrent.ConcurrentHashMap.newKeySet();

    PostgresReportStore(Sql jdbc, TerritoryIds territories, DataMonthLedger dataMonths) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.dataMonths = dataMonths;
    }

    @Override
    public Optional<StoredBatch> findBatch(String sender, String idempotencyKey) {
        return jdbc.prepareStatement(BATCH_COLUMNS + "where sender = ? and idempotency_key = ?", statement -> {
            statement.setString(1, sender);
            statement.setString(2, idempotencyKey);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(batchOf(row)) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<StoredBatch> store(String idempotencyKey, String fingerprint, String sender,
                                       List<TerritoryReport> reports) {
        int values = reports.stream().mapToInt(report -> report.counts().values().size()).sum();
        Map<DataMonthLedger.Group, LocalDate> brought = DataMonthLedger.brought(reports);
        int superseded = superseded(reports, dataMonths.recorded(brought.keySet()));
        // A concurrent batch of the same sender with the same key waits here for the other to commit, then finds the
        // key taken. The caller holds the batch's regions (RegionRevisions.advance): the time of receipt is read after
        // that wait, not at the transaction's start, so that it follows the order of the batches' commits as their
        // ids do.
        Optional<long[]> inserted = jdbc.prepareStatement("""
                insert into report_batch (idempotency_key, fingerprint, sender, report_count, values_stored,
                                          values_superseded, received_at)
                values (?, ?, ?, ?, ?, ?, clock_timestamp()) on conflict (sender, idempotency_key) do nothing
                returning id, (extract(epoch from received_at) * 1000000)::bigint""", statement -> {
            statement.setString(1, idempotencyKey);
            statement.setString(2, fingerprint);
            statement.setString(3, sender);
            statement.setInt(4, reports.size());
            statement.setInt(5, values);
            statement.setInt(6, superseded);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new long[] {row.getLong(1), row.getLong(2)}) : Optional.<long[]>empty();
            }
        });
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        long batchId = inserted.get()[0];
        Instant receivedAt = Instant.EPOCH.plus(inserted.get()[1], ChronoUnit.MICROS);
        copyValues(batchId, receivedAt, reports);
        dataMonths.record(brought, receivedAt);
        return Optional.of(new StoredBatch(Long.toString(batchId), idempotencyKey, fingerprint, sender, receivedAt,
                values, superseded));
    }

    /**
     * How many of the batch's values will correct an earlier value of the same territory, metric and period. Only a
     * value whose period ends no later than the latest period already recorded for its month can: the others are
     * not looked up (a new week is none of them).
     */
    private int superseded(List<TerritoryReport> reports, Map<DataMonthLedger.Group, LocalDate> before) {
        if (before.isEmpty()) {
            return 0; // no month of the batch has data yet
        }
        List<Long> territoryIds = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (TerritoryReport report : reports) {
            LocalDate end = report.period().end();
            for (DataMonthLedger.Group group : DataMonthLedger.Group.of(report)) {
                LocalDate recorded = before.get(group);
                if (recorded != null && !recorded.isBefore(end)) {
                    territoryIds.add(territories.idOf(report.territory().code()));
                    metrics.add(group.metric().name());
                    periods.add(report.period().text());
                }
            }
        }
        if (territoryIds.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("""
                select count(*) from unnest(?::bigint[], ?::varchar[], ?::varchar[]) c(territory_id, metric, period)
                where exists (select 1 from reported_value v where v.territory_id = c.territory_id
                              and v.metric = c.metric and v.period = c.period)""", statement -> {
            var connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("bigint", territoryIds.toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", metrics.toArray()));
            statement.setArray(3, connection.createArrayOf("varchar", periods.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /** The values of a batch go in by COPY, on the batch's own transaction. */
    private void copyValues(long batchId, Instant receivedAt, List<TerritoryReport> reports) {
        // Every id before COPY starts: an id not yet known is read from the database, and a connection in COPY
        // answers nothing else until the COPY ends (the call would wait for ever).
        Map<TerritoryCode, Long> ids = new HashMap<>();
        reports.forEach(report -> ids.computeIfAbsent(report.territory().code(), territories::idOf));
        ReportedValueRows rows = ReportedValueRows.of(batchId, receivedAt, reports, ids::get);
        jdbc.withConnection(connection -> rows.copyInto(connection, "reported_value"));
    }

    @Override
    public List<ReportedValue> history(TerritoryCode territory, Set<Metric> metrics) {
        String[] metricNames = metrics.stream().map(Metric::name).toArray(String[]::new);
        return jdbc.prepareStatement("""
                select v.period, v.plan_month, v.metric, v.value, v.received_at, b.sender, v.batch_id,
                       exists (select 1 from reported_value later where later.territory_id = v.territory_id
                               and later.metric = v.metric and later.period = v.period and later.id > v.id)
                from reported_value v join report_batch b on b.id = v.batch_id
                where v.territory_id = ? and v.metric = any (?)
                order by v.period_end, v.period, v.metric, v.id""", statement -> {
            statement.setLong(1, territories.idOf(territory));
            statement.setArray(2, statement.getConnection().createArrayOf("varchar", metricNames));
            List<ReportedValue> values = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Optional<Month> planMonth = readable(rows.getDate(2), territory);
                    if (planMonth.isPresent()) {
                        values.add(new ReportedValue(rows.getString(1), planMonth.get(),
                                new Metric(rows.getString(3)), rows.getLong(4), rows.getTimestamp(5).toInstant(),
                                rows.getString(6), Long.toString(rows.getLong(7)), rows.getBoolean(8)));
                    }
                }
            }
            return values;
        });
    }

    @Override
    public List<DataMonth> dataMonths(TerritoryCode region, Set<Metric> metrics) {
        String[] metricNames = metrics.stream().map(Metric::name).toArray(String[]::new);
        return jdbc.prepareStatement("""
                select municipality, metric, plan_month, max(latest_period_end), max(last_received),
                       min(first_received)
                from data_month
                where region = ? and metric = any (?)
                group by grouping sets ((municipality, metric, plan_month), (metric, plan_month))""",
                statement -> {
            statement.setString(1, region.region());
            statement.setArray(2, statement.getConnection().createArrayOf("varchar", metricNames));
            List<DataMonth> months = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String municipality = rows.getString(1);
                    if (municipality != null && municipality.isEmpty()) {
                        continue; // the region's own reports: already in the region-wide group
                    }
                    TerritoryCode territory = municipality == null ? region
                            : TerritoryCode.municipality(region.region(), municipality);
                    Optional<Month> month = readable(rows.getDate(3), territory);
                    if (month.isPresent()) {
                        months.add(new DataMonth(territory, new Metric(rows.getString(2)), month.get(),
                                rows.getDate(4).toLocalDate(), rows.getTimestamp(5).toInstant(),
                                rows.getTimestamp(6).toInstant()));
                    }
                }
            }
            return months;
        });
    }

    @Override
    public Optional<Instant> lastReceived(Set<Metric> metrics) {
        String[] metricNames = metrics.stream().map(Metric::name).toArray(String[]::new);
        return jdbc.prepareStatement("select max(last_received) from data_month where metric = any (?)", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("varchar", metricNames));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Optional.ofNullable(rows.getTimestamp(1)).map(java.sql.Timestamp::toInstant);
            }
        });
    }

    @Override
    public List<Month> monthsWithData(TerritoryCode root, Set<Metric> metrics) {
        List<Month> months = new ArrayList<>();
        distinctDates("plan_month", root, metrics).forEach(month -> readable(month, root).ifPresent(months::add));
        return months;
    }

    @Override
    public Map<TerritoryCode, Counts> latestCounts(TerritoryCode root, Month month, Set<Metric> metrics) {
        return latestCounts(root, metrics, "plan_month = ?", (statement, next) ->
                statement.setDate(next, Date.valueOf(month.value().atDay(1))));
    }

    /**
     * A week spans at most two plan months: the index (region, plan_month, …, period_end desc) is read for those
     * months, and the week's values kept by their period's last day.
     */
    @Override
    public Map<TerritoryCode, Counts> latestCountsInWeek(TerritoryCode root, IsoWeek week, Set<Metric> metrics) {
        return latestCounts(root, metrics, "plan_month in (?, ?) and period_end between ? and ?",
                (statement, next) -> {
                    statement.setDate(next, Date.valueOf(week.start().withDayOfMonth(1)));
                    statement.setDate(next + 1, Date.valueOf(week.end().withDayOfMonth(1)));
                    statement.setDate(next + 2, Date.valueOf(week.start()));
                    statement.setDate(next + 3, Date.valueOf(week.end()));
                });
    }

    private interface Period {
        void bind(java.sql.PreparedStatement statement, int next) throws SQLException;
    }

    private Map<TerritoryCode, Counts> latestCounts(TerritoryCode root, Set<Metric> metrics, String period,
                                                    Period binder) {
        String[] metricNames = metrics.stream().map(Metric::name).toArray(String[]::new);
        // The territories' codes come from the directory's memory: joining every territory of the country to the
        // region's values cost more than reading them.
        Map<TerritoryCode, Map<Metric, Long>> latest = jdbc.prepareStatement("""
                select distinct on (territory_id, metric) territory_id, metric, value
                from reported_value
                where region = ? and metric = any (?) and\s""" + period + """

                order by territory_id, metric, period_end desc, id desc""", statement -> {
            statement.setString(1, root.region());
            statement.setArray(2, statement.getConnection().createArrayOf("varchar", metricNames));
            binder.bind(statement, 3);
            Map<TerritoryCode, Map<Metric, Long>> found = new HashMap<>();
            Map<String, Metric> metricNamed = new HashMap<>(); // one Metric per name, not one per value
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TerritoryCode code = territories.codeOf(rows.getLong(1));
                    if (code.equals(root) || root.isAncestorOf(code)) {
                        found.computeIfAbsent(code, c -> new HashMap<>()).put(
                                metricNamed.computeIfAbsent(rows.getString(2), Metric::new), rows.getLong(3));
                    }
                }
            }
            return found;
        });
        Map<TerritoryCode, Counts> counts = new HashMap<>();
        latest.forEach((code, values) -> counts.put(code, new Counts(values)));
        return counts;
    }

    @Override
    public List<DataWeek> dataWeeks(TerritoryCode region, IsoWeek week, Set<Metric> metrics) {
        String[] metricNames = metrics.stream().map(Metric::name).toArray(String[]::new);
        record Found(Instant firstReceived, LocalDate latestEndBefore) {
            Found merge(Found other) {
                return new Found(earlier(firstReceived, other.firstReceived),
                        latestEndBefore == null ? other.latestEndBefore : other.latestEndBefore == null
                                ? latestEndBefore : latestEndBefore.isAfter(other.latestEndBefore)
                                ? latestEndBefore : other.latestEndBefore);
            }

            private static Instant earlier(Instant a, Instant b) {
                return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
            }
        }
        record Key(TerritoryCode territory, String metric) {
        }
        Map<Key, Found> found = jdbc.prepareStatement("""
                select territory_id, metric, min(received_at) filter (where period_end >= ?),
                       max(period_end) filter (where period_end < ?)
                from reported_value
                where region = ? and plan_month in (?, ?) and period_end <= ? and metric = any (?)
                group by territory_id, metric""", statement -> {
            statement.setDate(1, Date.valueOf(week.start()));
            statement.setDate(2, Date.valueOf(week.start()));
            statement.setString(3, region.region());
            statement.setDate(4, Date.valueOf(week.start().withDayOfMonth(1)));
            statement.setDate(5, Date.valueOf(week.end().withDayOfMonth(1)));
            statement.setDate(6, Date.valueOf(week.end()));
            statement.setArray(7, statement.getConnection().createArrayOf("varchar", metricNames));
            Map<Key, Found> byTerritory = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TerritoryCode code = territories.codeOf(rows.getLong(1));
                    Timestamp first = rows.getTimestamp(3);
                    Date before = rows.getDate(4);
                    Found here = new Found(first == null ? null : first.toInstant(),
                            before == null ? null : before.toLocalDate());
                    // Summed in as the ledger does: the region whole, and each municipality with what is below it.
                    byTerritory.merge(new Key(region, rows.getString(2)), here, Found::merge);
                    if (!code.municipality().isEmpty()) {
                        byTerritory.merge(new Key(TerritoryCode.municipality(region.region(), code.municipality()),
                                rows.getString(2)), here, Found::merge);
                    }
                }
            }
            return byTerritory;
        });
        List<DataWeek> weeks = new ArrayList<>();
        found.forEach((key, data) -> weeks.add(new DataWeek(key.territory(), new Metric(key.metric()),
                Optional.ofNullable(data.firstReceived()), Optional.ofNullable(data.latestEndBefore()))));
        return weeks;
    }

    @Override
    public List<IsoWeek> weeksWithData(TerritoryCode root, Set<Metric> metrics) {
        java.util.Set<IsoWeek> weeks = new java.util.LinkedHashSet<>();
        distinctDates("period_end", root, metrics).forEach(end -> StatusPeriod.weekOf(end.toLocalDate())
                .ifPresent(weeks::add));
        return List.copyOf(weeks);
    }

    /** The distinct dates of a column of the values of a territory (and what it contains) and metrics, in order. */
    private List<Date> distinctDates(String column, TerritoryCode root, Set<Metric> metrics) {
        String[] metricNames = metrics.stream().map(Metric::name).toArray(String[]::new);
        return jdbc.prepareStatement("select distinct v." + column + " from reported_value v "
                + "join territory t on t.id = v.territory_id "
                + "where v.region = ? and v.metric = any (?) and (? = '' or t.municipality = ?) "
                + "and (? = '' or t.school = ?) order by v." + column, statement -> {
            statement.setString(1, root.region());
            statement.setArray(2, statement.getConnection().createArrayOf("varchar", metricNames));
            statement.setString(3, root.municipality());
            statement.setString(4, root.municipality());
            statement.setString(5, root.school());
            statement.setString(6, root.school());
            List<Date> dates = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    dates.add(rows.getDate(1));
                }
            }
            return dates;
        });
    }

    /**
     * A stored plan month, or empty when it is outside the reporting years: a value an earlier version accepted
     * (the last week of 2100 counts for January 2101) is left out, and logged, rather than failing every read of
     * its territory's months.
     */
    private Optional<Month> readable(Date planMonth, TerritoryCode where) {
        java.time.YearMonth month = java.time.YearMonth.from(planMonth.toLocalDate());
        if (ReportingYears.contain(month.getYear())) {
            return Optional.of(new Month(month));
        }
        if (toldOutsideYears.add(where + " " + month)) {
            LOG.warn("values of {} for {} are outside the reporting years {} to {}: left out of what is read",
                    where, month, ReportingYears.FIRST, ReportingYears.LAST);
        }
        return Optional.empty();
    }

    @Override
    public Map<TerritoryCode, Counts> latestBefore(TerritoryCode region, Month month,
                                                   Map<TerritoryCode, Set<Metric>> wanted) {
        Date first = Date.valueOf(month.value().atDay(1));
        return latestBefore(region, first, "v.plan_month < ?", first, wanted);
    }

    @Override
    public Map<TerritoryCode, Counts> latestBeforeWeek(TerritoryCode region, IsoWeek week,
                                                       Map<TerritoryCode, Set<Metric>> wanted) {
        // The ledger's months up to the Monday's, inclusive: a value of that month may end before the week.
        return latestBefore(region, Date.valueOf(week.start().withDayOfMonth(1).plusMonths(1)), "v.period_end < ?",
                Date.valueOf(week.start()), wanted);
    }

    /**
     * @param ledgerBefore the first plan month the ledger need not look in
     * @param before       the condition on a value ({@code ?} bound to {@code bound}) that keeps it before the period
     */
    private Map<TerritoryCode, Counts> latestBefore(TerritoryCode region, Date ledgerBefore, String before,
                                                    Date bound, Map<TerritoryCode, Set<Metric>> wanted) {
        // The ledger says which municipalities sent which metrics before the month: a metric nobody there ever
        // sent (a school's count no sender collects) is not looked for value by value.
        Set<String> sentBefore = jdbc.prepareStatement("""
                select distinct municipality || '/' || metric from data_month where region = ? and plan_month < ?""",
                statement -> {
            statement.setString(1, region.region());
            statement.setDate(2, ledgerBefore);
            Set<String> found = new java.util.HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        });
        List<Long> territoryIds = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        wanted.forEach((territory, ofTerritory) -> ofTerritory.forEach(metric -> {
            if (sentBefore.contains(territory.municipality() + "/" + metric.name())) {
                territoryIds.add(territories.idOf(territory));
                metrics.add(metric.name());
            }
        }));
        if (territoryIds.isEmpty()) {
            return Map.of();
        }
        Map<TerritoryCode, Map<Metric, Long>> latest = jdbc.prepareStatement("""
                select distinct on (v.territory_id, v.metric) v.territory_id, v.metric, v.value
                from unnest(?::bigint[], ?::varchar[]) w(territory_id, metric)
                join reported_value v on v.territory_id = w.territory_id and v.metric = w.metric
                where\s""" + before + """

                order by v.territory_id, v.metric, v.period_end desc, v.id desc""", statement -> {
            var connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("bigint", territoryIds.toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", metrics.toArray()));
            statement.setDate(3, bound);
            Map<TerritoryCode, Map<Metric, Long>> found = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.computeIfAbsent(territories.codeOf(rows.getLong(1)), c -> new HashMap<>())
                            .put(new Metric(rows.getString(2)), rows.getLong(3));
                }
            }
            return found;
        });
        Map<TerritoryCode, Counts> counts = new HashMap<>();
        latest.forEach((code, values) -> counts.put(code, new Counts(values)));
        return counts;
    }

    private static StoredBatch batchOf(ResultSet row) throws SQLException {
        Timestamp receivedAt = row.getTimestamp(5);
        return new StoredBatch(Long.toString(row.getLong(1)), row.getString(2), row.getString(3), row.getString(4),
                receivedAt.toInstant(), row.getInt(6), row.getInt(7));
    }
}
