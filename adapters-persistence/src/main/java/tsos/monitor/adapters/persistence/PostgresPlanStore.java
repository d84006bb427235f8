package tsos.monitor.adapters.persistence;


import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.plan.Quota;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.territory.TerritoryCode;

@Singleton
final class PostgresPlanStore implements PlanStore {

    private final Sql jdbc;
    private final TerritoryIds territories;

    PostgresPlanStore(Sql jdbc, TerritoryIds territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    @Override
    public void saveMonthlyPlans(List<MonthlyPlan> plans) {
        for (MonthlyPlan plan : plans) {
            long territoryId = territories.idOf(plan.territory());
            jdbc.prepareStatement("delete from monthly_plan where territory_id = ? and indicator = ? and year = ?",
                    statement -> {
                        statement.setLong(1, territoryId);
                        statement.setString(2, plan.indicator().value());
                        statement.setInt(3, plan.year().getValue());
                        return statement.executeUpdate();
                    });
            jdbc.prepareStatement("insert into monthly_plan (territory_id, indicator, year, month, percent) "
                    + "values (?, ?, ?, ?, ?)", statement -> {
                for (int month = 1; month <= 12; month++) {
                    Optional<Percent> value = plan.months().get(month - 1);
                    if (value.isPresent()) {
                        statement.setLong(1, territoryId);
                        statement.setString(2, plan.indicator().value());
                        statement.setInt(3, plan.year().getValue());
                        statement.setInt(4, month);
                        statement.setBigDecimal(5, value.get().value());
                        statement.addBatch();
                    }
                }
                return statement.executeBatch();
            });
        }
    }

    @Override
    public void saveQuotas(List<Quota> quotas) {
        jdbc.prepareStatement("""
                insert into quota (territory_id, indicator, year, quota) values (?, ?, ?, ?)
                on conflict (territory_id, indicator, year) do update set quota = excluded.quota""", statement -> {
            for (Quota quota : quotas) {
                statement.setLong(1, territories.idOf(quota.territory()));
                statement.setString(2, quota.indicator().value());
                statement.setInt(3, quota.year().getValue());
                statement.setLong(4, quota.count());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    @Override
    public Map<IndicatorCode, PlanInheritanceRule.Plans> plansWithin(TerritoryCode region, Year year) {
        Map<IndicatorCode, Map<TerritoryCode, List<Optional<Percent>>>> months = new HashMap<>();
        jdbc.prepareStatement("""
                select p.indicator, t.region, t.municipality, t.school, p.month, p.percent
                from monthly_plan p join territory t on t.id = p.territory_id
                where t.region = ? and p.year = ?""", statement -> {
            statement.setString(1, region.region());
            statement.setInt(2, year.getValue());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TerritoryCode code = new TerritoryCode(rows.getString(2), rows.getString(3), rows.getString(4));
                    months.computeIfAbsent(new IndicatorCode(rows.getString(1)), i -> new HashMap<>())
                            .computeIfAbsent(code, c -> new ArrayList<>(Collections.nCopies(12, Optional.empty())))
                            .set(rows.getInt(5) - 1, Optional.of(new Percent(rows.getBigDecimal(6))));
                }
            }
            return null;
        });
        Map<IndicatorCode, Map<TerritoryCode, Quota>> quotas = new HashMap<>();
        jdbc.prepareStatement("""
                select q.indicator, t.region, t.municipality, t.school, q.quota
                from quota q join territory t on t.id = q.territory_id
                where t.region = ? and q.year = ?""", statement -> {
            statement.setString(1, region.region());
            statement.setInt(2, year.getValue());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    IndicatorCode indicator = new IndicatorCode(rows.getString(1));
                    TerritoryCode code = new TerritoryCode(rows.getString(2), rows.getString(3), rows.getString(4));
                    quotas.computeIfAbsent(indicator, i -> new HashMap<>())
                            .put(code, new Quota(indicator, code, year, rows.getLong(5)));
                }
            }
            return null;
        });
        Map<IndicatorCode, PlanInheritanceRule.Plans> plans = new HashMap<>();
        java.util.Set<IndicatorCode> indicators = new java.util.HashSet<>(months.keySet());
        indicators.addAll(quotas.keySet());
        for (IndicatorCode indicator : indicators) {
            Map<TerritoryCode, MonthlyPlan> monthlyPlans = new HashMap<>();
            months.getOrDefault(indicator, Map.of()).forEach((code, values) ->
                    monthlyPlans.put(code, new MonthlyPlan(indicator, code, year, values)));
            plans.put(indicator, PlanInheritanceRule.Plans.of(monthlyPlans, quotas.getOrDefault(indicator, Map.of())));
        }
        return plans;
    }

    @Override
    public java.util.Set<Year> yearsPlanned(TerritoryCode region) {
        return jdbc.prepareStatement("""
                select p.year from monthly_plan p join territory t on t.id = p.territory_id where t.region = ?
                union
                select q.year from quota q join territory t on t.id = q.territory_id where t.region = ?""",
                statement -> {
                    statement.setString(1, region.region());
                    statement.setString(2, region.region());
                    java.util.Set<Year> years = new java.util.TreeSet<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            years.add(Year.of(rows.getInt(1)));
                        }
                    }
                    return years;
                });
    }
}
