package tsos.monitor.adapters.persistence;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tsos.monitor.application.YearStatusWriter;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.trend.YearForecast;

/** The reporting tables of V15 (year_status, year_forecast, year_status_region): a region's rows replaced at once. */
@Singleton
final class PostgresYearStatusWriter implements YearStatusWriter {

    /** The first key of the advisory lock a region's writer holds (the second is the region's number). */
    private static final int YEAR_STATUS_LOCK = 15;

    private final Sql jdbc;

    PostgresYearStatusWriter(Sql jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void replace(TerritoryCode region, long revision, List<TerritoryYear> years) {
        // Two replicas writing one region take turns: the later of two deletes would miss the rows the earlier
        // inserted after its snapshot, and the later revision must win whatever the order of the commits.
        jdbc.prepareStatement("select pg_advisory_xact_lock(?, ?)", statement -> {
            statement.setInt(1, YEAR_STATUS_LOCK);
            statement.setInt(2, Integer.parseInt(region.region()));
            return statement.execute();
        });
        long written = jdbc.prepareStatement("select revision from year_status_region where region = ?",
                statement -> {
                    statement.setString(1, region.region());
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? row.getLong(1) : Long.MIN_VALUE;
                    }
                });
        if (written > revision) {
            return;
        }
        for (String table : List.of("year_status", "year_forecast")) {
            jdbc.prepareStatement("delete from " + table + " where region = ?", statement -> {
                statement.setString(1, region.region());
                return statement.executeUpdate();
            });
        }
        jdbc.prepareStatement("""
                insert into year_status (region, municipality, territory, territory_name, indicator, indicator_name,
                                         year, month, plan_percent, quota, plan_source, numerator, denominator,
                                         actual_percent, gap_pp, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            for (TerritoryYear year : years) {
                for (IndicatorStatus month : year.months()) {
                    int column = territory(statement, month.territory());
                    statement.setString(column++, month.indicator().code().value());
                    statement.setString(column++, month.indicator().name());
                    statement.setInt(column++, month.month().value().getYear());
                    statement.setInt(column++, month.month().value().getMonthValue());
                    setPercent(statement, column++, month.planPercent());
                    setCount(statement, column++, month.quota().map(OptionalLong::of).orElse(OptionalLong.empty()));
                    statement.setString(column++, month.plan().map(AppliedPlan::source)
                            .map(source -> source.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
                    column = counts(statement, column, month.actual());
                    setPercent(statement, column++, month.percent());
                    setPercent(statement, column++, month.gap());
                    statement.setString(column, month.state().name());
                    statement.addBatch();
                }
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("""
                insert into year_forecast (region, municipality, territory, territory_name, indicator, year,
                                           forecast_month, numerator, denominator, actual_percent, forecast_percent,
                                           year_target_percent, required_pp_per_month, needed, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            for (TerritoryYear year : years) {
                YearForecast forecast = year.forecast();
                IndicatorStatus asOf = year.months().get(forecast.asOf().value().getMonthValue() - 1);
                int column = territory(statement, asOf.territory());
                statement.setString(column++, asOf.indicator().code().value());
                statement.setInt(column++, forecast.asOf().value().getYear());
                statement.setInt(column++, forecast.asOf().value().getMonthValue());
                column = counts(statement, column, asOf.actual());
                setPercent(statement, column++, asOf.percent());
                setPercent(statement, column++, forecast.forecastPercent());
                setPercent(statement, column++, forecast.yearTargetPercent());
                setPercent(statement, column++, forecast.requiredPpPerMonth());
                setCount(statement, column++, forecast.needed());
                statement.setString(column, forecast.state().name());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("""
                insert into year_status_region (region, revision, refreshed_at) values (?, ?, clock_timestamp())
                on conflict (region) do update set revision = excluded.revision,
                                                   refreshed_at = excluded.refreshed_at""", statement -> {
            statement.setString(1, region.region());
            statement.setLong(2, revision);
            return statement.executeUpdate();
        });
    }

    /** The first four columns: region, municipality ('' for the region), territory as printed, its name. */
    private static int territory(PreparedStatement statement, Territory territory) throws SQLException {
        TerritoryCode code = territory.code();
        statement.setString(1, code.region());
        statement.setString(2, code.municipality());
        statement.setString(3, code.toString());
        statement.setString(4, territory.name());
        return 5;
    }

    /** Numerator and denominator, empty without counts; the next column. */
    private static int counts(PreparedStatement statement, int column, Optional<Share> share) throws SQLException {
        setCount(statement, column, share.map(s -> OptionalLong.of(s.numerator())).orElse(OptionalLong.empty()));
        setCount(statement, column + 1, share.map(s -> OptionalLong.of(s.denominator())).orElse(OptionalLong.empty()));
        return column + 2;
    }

    private static void setPercent(PreparedStatement statement, int column, Optional<Percent> percent)
            throws SQLException {
        statement.setBigDecimal(column, percent.map(Percent::value).orElse((BigDecimal) null));
    }

    private static void setCount(PreparedStatement statement, int column, OptionalLong count) throws SQLException {
        if (count.isPresent()) {
            statement.setLong(column, count.getAsLong());
        } else {
            statement.setNull(column, Types.BIGINT);
        }
    }
}
