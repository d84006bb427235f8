package tsos.monitor.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.report.TerritoryReport;

/**
 * {@code data_month}: per region, municipality ('' for the region's own reports), metric and plan month, the latest
 * period end reported and the latest arrival. Kept from a batch's reports as they are in memory, so that storing
 * a batch never reads its own values back.
 */
@Singleton
final class DataMonthLedger {

    record Group(String region, String municipality, Metric metric, LocalDate planMonth) {
        /** The order rows are written in, so that no two writers lock the same rows in opposite orders. */
        static final Comparator<Group> ORDER = Comparator.comparing(Group::region).thenComparing(Group::municipality)
                .thenComparing(group -> group.metric().name()).thenComparing(Group::planMonth);

        /** The groups of one report's counts, in the order of its metrics. */
        static List<Group> of(TerritoryReport report) {
            LocalDate planMonth = report.period().planMonth().atDay(1);
            String region = report.territory().code().region();
            String municipality = report.territory().code().municipality();
            return report.counts().values().keySet().stream()
                    .map(metric -> new Group(region, municipality, metric, planMonth)).toList();
        }
    }

    private final Sql jdbc;

    DataMonthLedger(Sql jdbc) {
        this.jdbc = jdbc;
    }

    /** The groups a batch brings data for, each with the latest period end among its reports. */
    static Map<Group, LocalDate> brought(List<TerritoryReport> reports) {
        Map<Group, LocalDate> groups = new HashMap<>();
        for (TerritoryReport report : reports) {
            LocalDate end = report.period().end();
            Group.of(report).forEach(group -> groups.merge(group, end, (a, b) -> a.isAfter(b) ? a : b));
        }
        return groups;
    }

    /** The latest period end already recorded for each of these groups that has one. */
    Map<Group, LocalDate> recorded(Set<Group> groups) {
        Columns columns = new Columns(groups.size());
        groups.forEach(group -> columns.add(group, null));
        return jdbc.prepareStatement("""
                select d.region, d.municipality, d.metric, d.plan_month, d.latest_period_end
                from data_month d
                join unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[])
                     g(region, municipality, metric, plan_month)
                  on d.region = g.region and d.municipality = g.municipality and d.metric = g.metric
                 and d.plan_month = g.plan_month""", statement -> {
            columns.bind(statement, false);
            Map<Group, LocalDate> found = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(new Group(rows.getString(1), rows.getString(2), new Metric(rows.getString(3)),
                            rows.getDate(4).toLocalDate()), rows.getDate(5).toLocalDate());
                }
            }
            return found;
        });
    }

    void record(Map<Group, LocalDate> brought, Instant received) {
        Columns columns = new Columns(brought.size());
        brought.entrySet().stream().sorted(Map.Entry.comparingByKey(Group.ORDER))
                .forEach(entry -> columns.add(entry.getKey(), entry.getValue()));
        jdbc.prepareStatement("""
                insert into data_month (region, municipality, metric, plan_month, latest_period_end, last_received,
                                        first_received)
                select g.region, g.municipality, g.metric, g.plan_month, g.latest_period_end, r.at, r.at
                from (select ?::timestamptz as at) r, unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::date[])
                     g(region, municipality, metric, plan_month, latest_period_end)
                on conflict (region, municipality, metric, plan_month) do update set
                    latest_period_end = greatest(data_month.latest_period_end, excluded.latest_period_end),
                    last_received = greatest(data_month.last_received, excluded.last_received)""", statement -> {
            statement.setTimestamp(1, Timestamp.from(received));
            columns.bind(statement, true);
            return statement.executeUpdate();
        });
    }

    /** Groups as parallel arrays, for {@code unnest}. */
    private static final class Columns {
        private final String[] regions;
        private final String[] municipalities;
        private final String[] metrics;
        private final Date[] planMonths;
        private final Date[] periodEnds;
        private int size;

        Columns(int capacity) {
            regions = new String[capacity];
            municipalities = new String[capacity];
            metrics = new String[capacity];
            planMonths = new Date[capacity];
            periodEnds = new Date[capacity];
        }

        void add(Group group, LocalDate periodEnd) {
            regions[size] = group.region();
            municipalities[size] = group.municipality();
            metrics[size] = group.metric().name();
            planMonths[size] = Date.valueOf(group.planMonth());
            periodEnds[size] = periodEnd == null ? null : Date.valueOf(periodEnd);
            size++;
        }

        /** Binds the arrays from the statement's first unbound parameter on: after the timestamp, if there is one. */
        void bind(java.sql.PreparedStatement statement, boolean withPeriodEnds) throws java.sql.SQLException {
            var connection = statement.getConnection();
            int first = withPeriodEnds ? 2 : 1;
            statement.setArray(first, connection.createArrayOf("varchar", regions));
            statement.setArray(first + 1, connection.createArrayOf("varchar", municipalities));
            statement.setArray(first + 2, connection.createArrayOf("varchar", metrics));
            statement.setArray(first + 3, connection.createArrayOf("date", planMonths));
            if (withPeriodEnds) {
                statement.setArray(first + 4, connection.createArrayOf("date", periodEnds));
            }
        }
    }
}
