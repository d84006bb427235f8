package tsos.monitor.adapters.persistence;


import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.TerritoryCode;

@Singleton
final class PostgresReportStore implements ReportStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresReportStore.class);

    private static final String BATCH_COLUMNS = "select id, idempotency_key, fingerprint, sender, received_at, "
            + "values_stored, values_superseded from report_batch ";

    private static final String COPY_VALUES = "copy reported_value (batch_id, region, territory_id, period, "
            + "period_start, period_end, plan_month, metric, value, received_at) from stdin";

    private final Sql jdbc;
    private final PostgresTerritoryDirectory territories;
    private final DataMonthLedger dataMonths;

    PostgresReportStore(Sql jdbc, PostgresTerritoryDirectory territories, DataMonthLedger dataMonths) {
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

    /**
     * The values of a batch go in by COPY, on the batch's own transaction: a national week is 320,000 values, and
     * COPY writes them several times faster than batched inserts.
     */
    private void copyValues(long batchId, Instant receivedAt, List<TerritoryReport> reports) {
        StringBuilder rows = new StringBuilder(reports.size() * 8 * 64);
        String received = receivedAt.toString();
        for (TerritoryReport report : reports) {
            String prefix = batchId + "\t" + report.territory().code().region() + "\t"
                    + territories.idOf(report.territory().code()) + "\t"
                    + report.period().text() + "\t" + report.period().start() + "\t" + report.period().end() + "\t"
                    + report.period().planMonth().atDay(1) + "\t";
            for (Map.Entry<Metric, Long> count : report.counts().values().entrySet()) {
                rows.append(prefix).append(count.getKey().name()).append('\t').append(count.getValue()).append('\t')
                        .append(received).append('\n');
            }
        }
        byte[] text = rows.toString().getBytes(StandardCharsets.UTF_8);
        jdbc.withConnection(connection -> connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_VALUES,
                new ByteArrayInputStream(text), 1 << 16));
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
        String[] metricNames = metrics.stream().map(Metric::name).toArray(String[]::new);
        return jdbc.prepareStatement("""
                select distinct v.plan_month from reported_value v join territory t on t.id = v.territory_id
                where v.region = ? and v.metric = any (?) and (? = '' or t.municipality = ?)
                  and (? = '' or t.school = ?)
                order by v.plan_month""", statement -> {
            statement.setString(1, root.region());
            statement.setArray(2, statement.getConnection().createArrayOf("varchar", metricNames));
            statement.setString(3, root.municipality());
            statement.setString(4, root.municipality());
            statement.setString(5, root.school());
            statement.setString(6, root.school());
            List<Month> months = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    readable(rows.getDate(1), root).ifPresent(months::add);
                }
            }
            return months;
        });
    }

    @Override
    public Map<TerritoryCode, Counts> latestCounts(TerritoryCode root, Month month, Set<Metric> metrics) {
        String[] metricNames = metrics.stream().map(Metric::name).toArray(String[]::new);
        // The territories' codes come from the directory's memory: joining every territory of the country to the
        // region's values cost more than reading them.
        Map<TerritoryCode, Map<Metric, Long>> latest = jdbc.prepareStatement("""
                select distinct on (territory_id, metric) territory_id, metric, value
                from reported_value
                where region = ? and plan_month = ? and metric = any (?)
                order by territory_id, metric, period_end desc, id desc""", statement -> {
            statement.setString(1, root.region());
            statement.setDate(2, Date.valueOf(month.value().atDay(1)));
            statement.setArray(3, statement.getConnection().createArrayOf("varchar", metricNames));
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

    /**
     * A stored plan month, or empty when it is outside the reporting years: a value an earlier version accepted
     * (the last week of 2100 counts for January 2101) is left out, and logged, rather than failing every read of
     * its territory's months.
     */
    private static Optional<Month> readable(Date planMonth, TerritoryCode where) {
        java.time.YearMonth month = java.time.YearMonth.from(planMonth.toLocalDate());
        if (ReportingYears.contain(month.getYear())) {
            return Optional.of(new Month(month));
        }
        LOG.warn("values of {} for {} are outside the reporting years {} to {}: left out of what is read", where,
                month, ReportingYears.FIRST, ReportingYears.LAST);
        return Optional.empty();
    }

    @Override
    public Map<TerritoryCode, Counts> latestBefore(TerritoryCode region, Month month,
                                                   Map<TerritoryCode, Set<Metric>> wanted) {
        Date first = Date.valueOf(month.value().atDay(1));
        // The ledger says which municipalities sent which metrics before the month: a metric nobody there ever
        // sent (a school's count no sender collects) is not looked for value by value.
        Set<String> sentBefore = jdbc.prepareStatement("""
                select distinct municipality || '/' || metric from data_month where region = ? and plan_month < ?""",
                statement -> {
            statement.setString(1, region.region());
            statement.setDate(2, first);
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
                where v.plan_month < ?
                order by v.territory_id, v.metric, v.period_end desc, v.id desc""", statement -> {
            var connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("bigint", territoryIds.toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", metrics.toArray()));
            statement.setDate(3, first);
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
