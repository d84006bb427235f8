package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Plans;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.indicator.ReportingCadence;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.territory.TerritoryLevel;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.PlanSource;
import tsos.monitor.domain.report.SubmittedReport;
import tsos.monitor.domain.status.IndicatorState;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.Ranking;
import tsos.monitor.domain.plan.SubmittedPlan;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryReference;
import tsos.monitor.domain.trend.Direction;
import tsos.monitor.domain.trend.PeriodChange;

class StatusQueriesTest {

    private static final TerritoryReference KHABAROVSK = Territories.referenceTo(Territories.khabarovskKrai());
    private static final Month NOVEMBER_2022 = Reports.KHABAROVSK_2022_MONTH;
    private static final Month DECEMBER_2022 = Month.of(2022, 12);

    private final Fakes fakes = new Fakes();
    private final SubmitReports submitReports = fakes.submitReports();
    private final StatusQueries queries = fakes.statusQueries();

    @BeforeEach
    void khabarovsk_has_a_plan_of_10_percent_for_2022_and_reported_its_counts() {
        fakes.transactions.inTransaction(() -> {
            fakes.plans.saveMonthlyPlans(Plans.khabarovsk2022());
            return null;
        });
        Writes.done(submitReports.submit(Reports.khabarovsk2022()));
    }

    private void submit(String key, SubmittedReport... rows) {
        Writes.done(submitReports.submit(Reports.batch(key, rows)));
    }

    private static SubmittedReport students(Territory territory, String period, long withAccess, long total) {
        return Reports.row(territory, period, Reports.counts("students_with_access", withAccess,
                "students_total", total));
    }

    @Test
    void khabarovsk_2_1_is_7_97_percent_against_a_plan_of_10_and_below_plan() {
        IndicatorStatus status = queries.status(KHABAROVSK, "2.1", NOVEMBER_2022);

        assertEquals(Optional.of(Percent.of("7.97")), status.percent());
        assertEquals(Optional.of(Percent.of("10")), status.planPercent());
        assertEquals(Optional.of(Percent.of("-2.03")), status.gap());
        assertEquals(IndicatorState.BELOW_PLAN, status.state());
        assertEquals(PlanSource.OWN, status.plan().orElseThrow().source());
        assertEquals(Optional.of(new Share(11_869, 148_870)), status.actual());
    }

    @Test
    void khabarovsk_2_2_is_above_plan_and_2_3_below() {
        IndicatorStatus teachers = queries.status(KHABAROVSK, "2.2", NOVEMBER_2022);
        IndicatorStatus schools = queries.status(KHABAROVSK, "2.3", NOVEMBER_2022);

        assertEquals(Optional.of(Percent.of("69.96")), teachers.percent());
        assertEquals(IndicatorState.ABOVE_PLAN, teachers.state());
        assertEquals(Optional.of(Percent.of("9.87")), schools.percent());
        assertEquals(Optional.of(Percent.of("-0.13")), schools.gap());
        assertEquals(IndicatorState.BELOW_PLAN, schools.state());
    }

    @Test
    void a_month_without_reports_has_no_data_but_keeps_its_plan() {
        IndicatorStatus status = queries.status(KHABAROVSK, "2.1", Month.of(2022, 10));

        assertEquals(IndicatorState.NO_DATA, status.state());
        assertEquals(Optional.of(Percent.of("10")), status.planPercent());
    }

    @Test
    void a_municipality_without_its_own_plan_is_measured_against_its_region_s() {
        submit("amursky-2022-12", students(Territories.amurskyDistrict(), "2022-12", 5, 100));

        IndicatorStatus status = queries.status(Territories.referenceTo(Territories.amurskyDistrict()), "2.1",
                DECEMBER_2022);

        assertEquals(Optional.of(Percent.of("5.00")), status.percent());
        assertEquals(PlanSource.REGION, status.plan().orElseThrow().source());
        assertEquals(IndicatorState.BELOW_PLAN, status.state());
    }

    @Test
    void a_municipality_is_found_by_its_name() {
        submit("amursky-2022-12", students(Territories.amurskyDistrict(), "2022-12", 5, 100));

        IndicatorStatus status = queries.status(new TerritoryReference("27", "Амурский район", ""), "2.1",
                DECEMBER_2022);

        assertEquals(Territories.amurskyDistrict(), status.territory());
    }

    @Test
    void a_region_without_its_own_report_is_the_ratio_of_sums_of_its_municipalities() {
        submit("municipalities-2022-12",
                students(Territories.amurskyDistrict(), "2022-12", 1, 10),
                students(Territories.vaninskyDistrict(), "2022-12", 90, 100));

        IndicatorStatus region = queries.status(KHABAROVSK, "2.1", DECEMBER_2022);

        assertEquals(Optional.of(new Share(91, 110)), region.actual());
        assertEquals(Optional.of(Percent.of("82.73")), region.percent());
        assertEquals(IndicatorState.ABOVE_PLAN, region.state());
    }

    @Test
    void weekly_reports_count_for_the_month_of_their_last_day_and_the_latest_wins() {
        submit("w48", students(Territories.amurskyDistrict(), "2022-W48", 1, 10));    // 28.11–04.12: December
        submit("w49", students(Territories.amurskyDistrict(), "2022-W49", 3, 10));    // 05.12–11.12

        IndicatorStatus status = queries.status(Territories.referenceTo(Territories.amurskyDistrict()), "2.1",
                DECEMBER_2022);

        assertEquals(Optional.of(new Share(3, 10)), status.actual());
    }

    @Test
    void municipalities_are_ranked_by_percent_with_leader_and_outsider() {
        submit("municipalities-2022-12",
                students(Territories.amurskyDistrict(), "2022-12", 1, 10),          // 10.00 %
                students(Territories.vaninskyDistrict(), "2022-12", 90, 100),       // 90.00 %
                students(Territories.komsomolskNaAmure(), "2022-12", 50, 100));     // 50.00 %; Охотский: nothing

        Ranking ranking = queries.municipalitiesRanked("27", "2.1", DECEMBER_2022);

        assertEquals(List.of("Ванинский район", "г. Комсомольск-на-Амуре", "Амурский район", "Охотский район"),
                ranking.ranked().stream().map(s -> s.territory().name()).toList());
        assertEquals(Territories.vaninskyDistrict(), ranking.leader().orElseThrow().territory());
        assertEquals(Territories.amurskyDistrict(), ranking.outsider().orElseThrow().territory());
        assertEquals(List.of("high", "sufficient", "low"), ranking.ranked().stream().limit(3)
                .map(s -> s.level().orElseThrow().name()).toList());
        assertEquals(IndicatorState.NO_DATA, ranking.ranked().get(3).state());
    }

    @Test
    void a_municipality_s_quota_is_compared_with_its_count_of_schools() {
        fakes.transactions.inTransaction(() -> {
            fakes.plans.saveQuotas(List.of(Plans.quota("2.3", Territories.amurskyDistrict(), 2022, 2)));
            return null;
        });
        submit("amursky-2.3", Reports.row(Territories.amurskyDistrict(), "2022-12",
                Reports.counts("schools_using_platform", 1L, "schools_total", 18L)));

        IndicatorStatus status = queries.status(Territories.referenceTo(Territories.amurskyDistrict()), "2.3",
                DECEMBER_2022);

        assertEquals(Optional.of(2L), status.quota());
        assertEquals(IndicatorState.BELOW_PLAN, status.state());
    }

    @Test
    void an_inconsistent_report_gives_an_inconsistent_status_without_a_percent() {
        submit("sferum", Reports.row(Territories.khabarovskKrai(), "2022-12-05/2022-12-09",
                Reports.counts("teachers_in_sferum", 18_013L, "teachers_total", 17_218L)));

        IndicatorStatus status = queries.status(KHABAROVSK, "sferum.teachers_registered", DECEMBER_2022);

        assertEquals(IndicatorState.INCONSISTENT, status.state());
        assertEquals(Optional.empty(), status.percent());
    }

    @Test
    void an_unknown_indicator_is_an_unknown_reference_naming_the_field_indicator() {
        UnknownReference unknown = assertThrows(UnknownReference.class,
                () -> queries.status(KHABAROVSK, "9.9", NOVEMBER_2022));

        assertEquals(Field.Column.INDICATOR, unknown.field());
    }

    @Test
    void an_unknown_territory_is_an_unknown_reference_naming_the_field() {
        assertEquals(Field.Column.REGION, assertThrows(UnknownReference.class,
                () -> queries.status(new TerritoryReference("99", "", ""), "2.1", NOVEMBER_2022)).field());
        assertEquals(Field.Column.MUNICIPALITY, assertThrows(UnknownReference.class,
                () -> queries.status(new TerritoryReference("27", "Нет такого", ""), "2.1", NOVEMBER_2022)).field());
        assertEquals(Field.Column.REGION, assertThrows(UnknownReference.class,
                () -> queries.municipalitiesRanked("99", "2.1", NOVEMBER_2022)).field());
    }

    @Test
    void below_plan_lists_every_territory_and_indicator_below_its_plan_in_the_month() {
        List<IndicatorStatus> below = queries.belowPlan(NOVEMBER_2022, Optional.of("27"));

        assertEquals(List.of("27 2.1", "27 2.3"), below.stream()
                .map(s -> s.territory().code() + " " + s.indicator().code()).sorted().toList());
    }

    @Test
    void a_batch_stored_after_a_status_was_read_is_in_the_next_answer() {
        TerritoryReference amursky = Territories.referenceTo(Territories.amurskyDistrict());
        submit("december", students(Territories.amurskyDistrict(), "2022-12", 1, 10));
        assertEquals(Optional.of(new Share(1, 10)), queries.status(amursky, "2.1", DECEMBER_2022).actual());

        submit("december-corrected", students(Territories.amurskyDistrict(), "2022-12", 4, 10));

        assertEquals(Optional.of(new Share(4, 10)), queries.status(amursky, "2.1", DECEMBER_2022).actual());
    }

    @Test
    void a_plan_set_after_a_status_was_read_applies_to_the_next_answer() {
        SetMonthlyPlans setMonthlyPlans = new SetMonthlyPlans(Catalogue.standard(), fakes.territories, fakes.plans, fakes.transactions,
                fakes.revisions);
        assertEquals(Optional.of(Percent.of("10")), queries.status(KHABAROVSK, "2.1", NOVEMBER_2022).planPercent());

        setMonthlyPlans.set(List.of(new SubmittedPlan(KHABAROVSK, "2.1", 2022,
                Plans.constant("2.1", Territories.khabarovskKrai(), 2022, "7").months())));

        IndicatorStatus status = queries.status(KHABAROVSK, "2.1", NOVEMBER_2022);
        assertEquals(Optional.of(Percent.of("7")), status.planPercent());
        assertEquals(IndicatorState.ABOVE_PLAN, status.state());
    }

    @Test
    void a_region_s_month_is_read_from_the_store_once_while_nothing_in_the_region_changes() {
        queries.status(KHABAROVSK, "2.1", NOVEMBER_2022);
        queries.municipalitiesRanked("27", "2.2", NOVEMBER_2022);
        queries.belowPlan(NOVEMBER_2022, Optional.of("27"));
        queries.status(Territories.referenceTo(Territories.amurskyDistrict()), "2.3", NOVEMBER_2022);
        assertEquals(1, fakes.reports.latestCountsLoads());

        submit("december", students(Territories.amurskyDistrict(), "2022-12", 1, 10));
        queries.status(KHABAROVSK, "2.1", NOVEMBER_2022);

        assertEquals(2, fakes.reports.latestCountsLoads(), "a batch for the region makes its months read again");
    }

    @Test
    void a_region_s_year_is_read_once_for_all_of_its_months_while_nothing_in_the_region_changes() {
        queries.status(KHABAROVSK, "2.1", NOVEMBER_2022);
        queries.status(KHABAROVSK, "2.1", Month.of(2022, 10));
        queries.status(KHABAROVSK, "2.1", Month.of(2022, 3));
        assertEquals(3, fakes.reports.latestCountsLoads(), "each month's counts are its own");
        assertEquals(1, fakes.reports.dataMonthsReads(), "the fakes.plans and metrics sent of 2022 are the year's");

        submit("december", students(Territories.amurskyDistrict(), "2022-12", 1, 10));
        queries.status(KHABAROVSK, "2.1", Month.of(2022, 10));

        assertEquals(2, fakes.reports.dataMonthsReads(), "a batch for the region makes its year read again");
    }

    @Test
    void the_month_s_statuses_hold_the_region_and_its_municipalities_ranked_by_every_indicator() {
        StatusQueries.RegionStatuses khabarovsk = queries.periodStatuses(NOVEMBER_2022, Optional.of("27"))
                .findFirst().orElseThrow();

        int indicators = Catalogue.standard().all().size();
        assertEquals(indicators, khabarovsk.ofRegion().size());
        assertEquals(indicators, khabarovsk.rankings().size());
        IndicatorStatus region21 = khabarovsk.ofRegion().get(0);
        assertEquals("2.1", region21.indicator().code().value());
        assertEquals(Optional.of(Percent.of("7.97")), region21.percent());
        assertEquals(fakes.territories.children(Territories.khabarovskKrai().code()).size(),
                khabarovsk.rankings().get(0).ranked().size());
        assertEquals(fakes.territories.regions().size(), queries.periodStatuses(NOVEMBER_2022, Optional.empty()).count());
    }

    private static SubmittedReport sferumSchools(String period, Object... nameThenCount) {
        return Reports.row(Territories.amurskyDistrict(), period, Reports.counts(nameThenCount));
    }

    @Test
    void a_week_s_status_uses_each_count_s_latest_value_and_moved_since_the_week_before() {
        submit("w37", sferumSchools("2024-W37", "schools_active_in_sferum", 10L, "schools_in_sferum", 20L));
        submit("w38-partial", sferumSchools("2024-09-16/2024-09-18", "schools_in_sferum", 25L));
        submit("w39", sferumSchools("2024-09-23/2024-09-25", "schools_active_in_sferum", 99L,
                "schools_in_sferum", 99L));
        TerritoryReference amursky = Territories.referenceTo(Territories.amurskyDistrict());

        IndicatorStatus w38 = queries.status(amursky, "sferum.schools_active", new IsoWeek(2024, 38));

        assertEquals(Optional.of(new Share(10, 25)), w38.actual(), "W37's active schools beside W38's registered");
        assertEquals(new IsoWeek(2024, 38), w38.period());
        assertEquals(Month.of(2024, 9), w38.month());
        PeriodChange change = new StatusChanges(queries).sincePreviousPeriod(w38).orElseThrow();
        assertEquals(Optional.of(Percent.of("-10.00")), change.changePp(), "40 % against W37's 50 %");
        assertEquals(Direction.DOWN, change.direction());
    }

    @Test
    void a_week_lists_the_weekly_indicators_and_refuses_a_monthly_one() {
        submit("w38", sferumSchools("2024-W38", "schools_in_sferum", 5L, "schools_total", 10L));
        TerritoryReference amursky = Territories.referenceTo(Territories.amurskyDistrict());

        List<IndicatorStatus> week = queries.statuses(amursky, new IsoWeek(2024, 38));

        assertEquals(Catalogue.standard().all().stream()
                .filter(indicator -> indicator.cadence() == ReportingCadence.WEEKLY).count(), week.size());
        assertEquals(Optional.of(new Share(5, 10)), week.stream()
                .filter(s -> s.indicator().code().value().equals("mm.10")).findFirst().orElseThrow().actual());
        assertThrows(PeriodOfOtherCadence.class, () -> queries.status(amursky, "2.1", new IsoWeek(2024, 38)));
    }

    @Test
    void a_week_s_list_below_plan_holds_the_weekly_indicators_below_their_plan_in_that_week() {
        fakes.transactions.inTransaction(() -> {
            fakes.plans.saveMonthlyPlans(List.of(Plans.constant("mm.10", Territories.khabarovskKrai(), 2024, "60")));
            return null;
        });
        submit("w38", sferumSchools("2024-W38", "schools_in_sferum", 5L, "schools_total", 10L));

        List<IndicatorStatus> below = queries.belowPlan(new IsoWeek(2024, 38), Optional.of("27"));

        assertEquals(List.of("27 mm.10 2024-W38", "27/Амурский район mm.10 2024-W38"), below.stream()
                .map(s -> (s.territory().level() == TerritoryLevel.REGION ? "27" : "27/" + s.territory().name())
                        + " " + s.indicator().code().value() + " " + s.period().text()).toList(),
                "50 % against a plan of 60 %, the region as the ratio of its municipality's sums");
        assertEquals(List.of(), queries.belowPlan(new IsoWeek(2024, 37), Optional.of("27")), "no data that week");
        assertTrue(queries.periodStatuses(new IsoWeek(2024, 38), Optional.of("27")).flatMap(
                StatusQueries.RegionStatuses::all).allMatch(s -> s.indicator().cadence() == ReportingCadence.WEEKLY),
                "a week's statuses are the weekly indicators'");
    }

    @Test
    void a_weekly_indicator_s_history_has_a_status_per_iso_week_of_its_last_days() {
        submit("w37", sferumSchools("2024-09-09/2024-09-13", "schools_in_sferum", 4L, "schools_total", 10L));
        submit("w38", sferumSchools("2024-W38", "schools_in_sferum", 5L, "schools_total", 10L));

        StatusQueries.History history = queries.history(Territories.referenceTo(Territories.amurskyDistrict()),
                "mm.10");

        assertEquals(List.of(new IsoWeek(2024, 37), new IsoWeek(2024, 38)),
                history.weeks().stream().map(IndicatorStatus::period).toList());
        assertEquals(Optional.of(new Share(5, 10)), history.weeks().get(1).actual());
        assertEquals(List.of(), queries.history(KHABAROVSK, "2.1").weeks(), "a monthly indicator has no weeks");
    }
}
