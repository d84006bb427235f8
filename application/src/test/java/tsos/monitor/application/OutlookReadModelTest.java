package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.OutlookReadModel.Outlook;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Plans;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.trend.Direction;
import tsos.monitor.domain.trend.ForecastState;

class OutlookReadModelTest {

    private final Fakes fakes = new Fakes();
    private final SubmitReports submitReports = fakes.submitReports();
    private final StatusQueries queries = fakes.statusQueries();
    private final StatusReadModel statuses = fakes.statusReadModel(queries, fakes.reports, Fakes.NO_REGION_FAILS,
            "2024-10-15T00:00:00Z");
    private final OutlookReadModel outlook = fakes.outlookReadModel(statuses, queries);

    /** Khabarovsk's 2.1: 7.39 % in October, 7.97 % in November, against 10 % every month of 2022. */
    @BeforeEach
    void khabarovsk_reported_october_and_november() {
        fakes.transactions.inTransaction(() -> {
            fakes.plans.saveMonthlyPlans(Plans.khabarovsk2022());
            return null;
        });
        Writes.done(submitReports.submit(Reports.batch("october",
                Reports.row(Territories.khabarovskKrai(), "2022-10", Reports.counts("students_with_access", 11_000L,
                        "students_total", 148_870L)))));
        Writes.done(submitReports.submit(Reports.khabarovsk2022()));
    }

    @Test
    void a_current_status_carries_its_change_since_the_previous_month_and_its_year_forecast() {
        refreshAll();

        Outlook region21 = outlookOf(Territories.khabarovskKrai(), "2.1");

        assertEquals(Direction.UP, region21.change().orElseThrow().direction());
        assertEquals(Optional.of(Percent.of("0.58")), region21.change().orElseThrow().changePp());
        assertEquals(Optional.of(new BigDecimal("7.9")), region21.change().orElseThrow().numeratorChangePercent());
        assertEquals(ForecastState.OFF_TRACK, region21.forecast().state(), "7.39, 7.97 → 8.55 by December");
        assertEquals(Optional.of(Percent.of("8.55")), region21.forecast().forecastPercent());
        assertEquals(Optional.of(Percent.of("10.00")), region21.forecast().yearTargetPercent());
        assertEquals(Optional.of(Percent.of("2.03")), region21.forecast().requiredPpPerMonth());
        // 14,880 / 148,870 = 9.9953 % shows as 10.00 %.
        assertEquals(OptionalLong.of(14_880 - 11_869), region21.forecast().needed());
    }

    @Test
    void a_silent_municipality_has_no_change_and_a_target_without_data() {
        refreshAll();

        Outlook amursky21 = outlookOf(Territories.amurskyDistrict(), "2.1");

        assertEquals(Optional.empty(), amursky21.change());
        assertEquals(ForecastState.NO_DATA, amursky21.forecast().state(), "the region's plan applies to it");
    }

    @Test
    void a_new_december_plan_moves_the_forecast_although_the_current_statuses_did_not() {
        refreshAll();
        long before = outlook.version();
        fakes.transactions.inTransaction(() -> {
            fakes.revisions.advance(Set.of(Territories.khabarovskKrai().code()));
            fakes.plans.saveMonthlyPlans(List.of(Plans.monthly("2.1", Territories.khabarovskKrai(), 2022, "10.00",
                    "10.00", "10.00", "10.00", "10.00", "10.00", "10.00", "10.00", "10.00", "10.00", "10.00",
                    "8.00")));
            return null;
        });

        refreshAll();

        assertTrue(outlook.version() > before);
        assertEquals(ForecastState.ON_TRACK, outlookOf(Territories.khabarovskKrai(), "2.1").forecast().state(),
                "8.55 by December reaches 8.00");
    }

    @Test
    void an_unchanged_region_keeps_its_outlooks_and_the_version() {
        refreshAll();
        long before = outlook.version();
        List<Outlook> outlooks = outlook.current();

        refreshAll();

        assertEquals(before, outlook.version());
        assertEquals(outlooks, outlook.current());
        assertFalse(outlooks.isEmpty());
    }

    @Test
    void every_forecast_of_the_country_is_each_region_s_forecast_for_each_indicator() {
        YearQueries years = new YearQueries(queries);
        tsos.monitor.domain.period.Month november = tsos.monitor.domain.period.Month.of(2022, 11);
        Set<YearQueries.TerritoryForecast> oneByOne = new java.util.HashSet<>();
        fakes.territories.regions().forEach(region -> Catalogue.standard().all().forEach(indicator ->
                oneByOne.addAll(years.forecasts(region.code().region(), indicator.code().value(), november))));

        List<YearQueries.TerritoryForecast> all = years.everyForecast(november);

        assertEquals(oneByOne, Set.copyOf(all));
        assertTrue(all.stream().anyMatch(f -> f.now().territory().equals(Territories.khabarovskKrai())
                && f.now().indicator().code().value().equals("2.1") && f.forecast().state() != ForecastState.NO_TARGET),
                "Khabarovsk's 2.1 has a year target and a forecast");
    }

    private void refreshAll() {
        statuses.refreshAll();
        outlook.refreshAll();
        assertTrue(outlook.loaded());
    }

    private Outlook outlookOf(Territory territory, String indicator) {
        return outlook.current().stream().filter(o -> o.status().territory().equals(territory)
                && o.status().indicator().code().value().equals(indicator)).findFirst().orElseThrow();
    }
}
