package tsos.monitor.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.YearStatusWriter;
import tsos.monitor.application.YearStatusWriter.TerritoryYear;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.plan.PlanSource;
import tsos.monitor.domain.plan.PlanTarget;
import tsos.monitor.domain.port.CatalogueSource;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.trend.YearForecastRule;

/** The reporting tables' writer against a real PostgreSQL: Tambov Oblast (68) is this class's own region. */
class PostgresYearStatusWriterTest {

    private static final TerritoryCode TAMBOV = TerritoryCode.region("68");

    private static ApplicationContext context;
    private static YearStatusWriter writer;
    private static Transactions transactions;
    private static Territory tambov;
    private static IndicatorDefinition indicator21;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(TestDatabase.datasourceProperties());
        writer = context.getBean(YearStatusWriter.class);
        transactions = context.getBean(Transactions.class);
        tambov = context.getBean(TerritoryDirectory.class).find(TAMBOV).orElseThrow();
        indicator21 = context.getBean(CatalogueSource.class).load().find("2.1").orElseThrow();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void a_region_s_year_is_stored_with_the_counts_beside_each_percent_and_replaced_whole() throws SQLException {
        long revision = writtenRevision();
        write(revision + 1, List.of(yearWithMarch(4800)));

        assertEquals(List.of("3|50.00|own|4800|10000|48.00|-2.00|BELOW_PLAN", "4|50.00|own|||||NO_DATA"),
                rows("select month, plan_percent, plan_source, numerator, denominator, actual_percent, gap_pp, state "
                        + "from year_status where region = '68' and month in (3, 4) order by month"));
        assertEquals(List.of("3|4800|10000|48.00|48.00|50.00|0.22|200|OFF_TRACK"),
                rows("select forecast_month, numerator, denominator, actual_percent, forecast_percent, "
                        + "year_target_percent, required_pp_per_month, needed, state from year_forecast "
                        + "where region = '68'"));

        write(revision + 2, List.of());

        assertEquals(List.of("0|0"), rows("select (select count(*) from year_status where region = '68'), "
                + "(select count(*) from year_forecast where region = '68')"));
        assertEquals(revision + 2, writtenRevision());
    }

    @Test
    void an_earlier_revision_never_overwrites_a_later_one_written_by_another_replica() throws SQLException {
        long revision = writtenRevision() + 11;
        write(revision, List.of(yearWithMarch(4900)));

        write(revision - 1, List.of(yearWithMarch(4700)));

        assertEquals(List.of("4900"), rows("select numerator from year_status where region = '68' and month = 3"));
        assertEquals(revision, writtenRevision());
    }

    private static long writtenRevision() throws SQLException {
        return Long.parseLong(rows("select coalesce(max(revision), 0) from year_status_region where region = '68'")
                .get(0));
    }

    private static void write(long revision, List<TerritoryYear> years) {
        transactions.inTransaction(() -> {
            writer.replace(TAMBOV, revision, years);
            return null;
        });
    }

    /** 2.1 of Tambov in 2024: a plan of 50 % every month, and March's counts. */
    private static TerritoryYear yearWithMarch(long withAccess) {
        List<IndicatorStatus> months = new ArrayList<>();
        AppliedPlan plan = new AppliedPlan(new PlanTarget.PercentTarget(Percent.of("50")), PlanSource.OWN);
        for (int month = 1; month <= 12; month++) {
            months.add(new IndicatorStatus(tambov, indicator21, Month.of(2024, month),
                    month == 3 ? Optional.of(new Share(withAccess, 10_000)) : Optional.empty(), Optional.of(plan)));
        }
        Month march = Month.of(2024, 3);
        return new TerritoryYear(months, YearForecastRule.forecast(march,
                java.util.Map.of(march, new Share(withAccess, 10_000)), Optional.of(Percent.of("50"))));
    }

    private static List<String> rows(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
                TestDatabase.password()); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    columns.add(rows.getString(i) == null ? "" : rows.getString(i));
                }
                result.add(String.join("|", columns));
            }
            return result;
        }
    }
}
