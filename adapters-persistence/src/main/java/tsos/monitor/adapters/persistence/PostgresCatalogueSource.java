package tsos.monitor.adapters.persistence;


import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Level;
import tsos.monitor.domain.indicator.LevelBands;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.ReportingCadence;
import tsos.monitor.domain.indicator.SchoolUsageRule;
import tsos.monitor.domain.port.CatalogueSource;

/** The catalogue tables (V2__catalogue.sql and whatever a deployment added) read into the domain's terms. */
@Singleton
final class PostgresCatalogueSource implements CatalogueSource {

    private final Sql jdbc;

    PostgresCatalogueSource(Sql jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public IndicatorCatalogue load() {
        Map<String, List<Level>> levels = new HashMap<>();
        query("select indicator, name, lower_percent, upper_percent from indicator_level", row -> levels
                .computeIfAbsent(row.getString(1), code -> new ArrayList<>())
                .add(new Level(row.getString(2), new Percent(row.getBigDecimal(3)),
                        Optional.ofNullable(row.getBigDecimal(4)).map(Percent::new))));
        Map<String, List<SchoolUsageRule.Criterion>> criteria = new HashMap<>();
        query("select indicator, numerator_metric, denominator_metric, at_least_percent "
                + "from indicator_school_criterion", row -> criteria
                .computeIfAbsent(row.getString(1), code -> new ArrayList<>())
                .add(new SchoolUsageRule.Criterion(new Metric(row.getString(2)), new Metric(row.getString(3)),
                        new Percent(row.getBigDecimal(4)))));
        List<IndicatorDefinition> definitions = new ArrayList<>();
        query("select code, name, numerator_metric, denominator_metric, cadence from indicator order by code", row -> {
            String code = row.getString(1);
            definitions.add(new IndicatorDefinition(new IndicatorCode(code), row.getString(2),
                    new Metric(row.getString(3)), new Metric(row.getString(4)),
                    Optional.ofNullable(criteria.get(code)).map(SchoolUsageRule::new),
                    new LevelBands(levels.getOrDefault(code, List.of())),
                    ReportingCadence.valueOf(row.getString(5))));
        });
        List<Metric> metrics = new ArrayList<>();
        query("select name from metric", row -> metrics.add(new Metric(row.getString(1))));
        return new IndicatorCatalogue(definitions, metrics);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws java.sql.SQLException;
    }

    private void query(String sql, RowReader reader) {
        jdbc.prepareStatement(sql, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
            return null;
        });
    }
}
