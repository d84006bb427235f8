package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Plans;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.PlanSource;
import tsos.monitor.domain.plan.SubmittedPlan;
import tsos.monitor.domain.port.StoreUnavailable;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.trend.ForecastState;

class YearStatusRefresherTest {

    private static final TerritoryCode KRASNOYARSK = Territories.krasnoyarskKrai().code();
    private static final TerritoryCode KHABAROVSK = Territories.khabarovskKrai().code();

    private final Fakes fakes = new Fakes();
    private final SubmitReports submitReports = fakes.submitReports();
    private final Map<TerritoryCode, List<YearStatusWriter.TerritoryYear>> table = new HashMap<>();
    private final List<TerritoryCode> writes = new ArrayList<>();
    private boolean databaseDown;
    private final YearStatusRefresher refresher = new YearStatusRefresher(Catalogue.standard(),
            fakes.statusQueries(), fakes.territories, fakes.reports,
            fakes.plans, fakes.revisions, fakes.transactions, (region, revision, years) -> {
                fakes.transactions.requireOpen();
                if (databaseDown) {
                    throw new StoreUnavailable("the database stopped", new java.sql.SQLException("stopped"));
                }
                table.put(region, years);
                writes.add(region);
            }, 2);

    @BeforeEach
    void krasnoyarsk_planned_2024_and_reported_march() {
        fakes.transactions.inTransaction(() -> {
            fakes.plans.saveMonthlyPlans(List.of(Plans.krasnoyarsk2024Indicator21()));
            return null;
        });
        report("march", "2024-03", 4800L);
    }

    @Test
    void a_database_down_at_start_leaves_the_fill_of_every_region_due_until_it_succeeds() {
        databaseDown = true;
        assertThrows(StoreUnavailable.class, refresher::refreshDue);

        databaseDown = false;
        refresher.refreshDue();

        assertTrue(writes.contains(KHABAROVSK), "a region nothing changed in is written too");
        assertTrue(writes.contains(KRASNOYARSK));
    }

    @Test
    void every_region_is_written_at_start_with_each_month_s_plan_and_the_actual_counts_beside_it() {
        refresher.refreshAll();

        YearStatusWriter.TerritoryYear year21 = yearOf(KRASNOYARSK, "2.1");
        List<IndicatorStatus> months = year21.months();
        assertEquals(Month.of(2024, 1), months.get(0).month());
        assertEquals(Optional.of(Percent.of("50.00")), months.get(11).planPercent());
        assertEquals(PlanSource.OWN, months.get(11).plan().orElseThrow().source());
        assertEquals(Optional.of(new Share(4800, 10000)), months.get(2).actual());
        assertEquals(Optional.empty(), months.get(3).actual());
        assertEquals(Month.of(2024, 3), year21.forecast().asOf());
        assertEquals(Optional.of(Percent.of("50.00")), year21.forecast().yearTargetPercent());
        assertEquals(ForecastState.OFF_TRACK, year21.forecast().state(), "one month at 48.00 % stays there");
        assertEquals(java.util.OptionalLong.of(200), year21.forecast().needed(), "5000 of 10000 make 50 %");
        assertTrue(table.containsKey(KHABAROVSK), "a region with nothing is written too: its earlier rows go");
        assertEquals(List.of(), table.get(KHABAROVSK));
        assertTrue(table.get(KRASNOYARSK).stream().allMatch(year -> year.months().stream()
                .anyMatch(s -> s.plan().isPresent() || s.actual().isPresent())), "only planned or reported years");
    }

    @Test
    void a_region_is_written_again_after_a_batch_once_the_country_s_revisions_stood_still_for_one_check() {
        refresher.refreshAll();
        writes.clear();
        report("april", "2024-04", 4900L);

        refresher.refreshChanged();
        assertEquals(List.of(), writes, "the fakes.revisions just moved: a load may still be going on");
        refresher.refreshChanged();

        assertEquals(List.of(KRASNOYARSK), writes, "only the region whose revision moved");
        assertEquals(Optional.of(new Share(4900, 10000)), yearOf(KRASNOYARSK, "2.1").months().get(3).actual());
        assertEquals(Month.of(2024, 4), yearOf(KRASNOYARSK, "2.1").forecast().asOf());
        refresher.refreshChanged();
        assertEquals(List.of(KRASNOYARSK), writes, "written once per revision");
    }

    @Test
    void a_plan_stored_through_set_monthly_plans_is_written_too() {
        refresher.refreshAll();
        SetMonthlyPlans setMonthlyPlans = new SetMonthlyPlans(Catalogue.standard(), fakes.territories, fakes.plans, fakes.transactions,
                fakes.revisions);
        assertEquals(1, Writes.stored(setMonthlyPlans.set(List.of(new SubmittedPlan(Territories.referenceTo(
                Territories.krasnoyarskKrai()), "2.1", 2024, Plans.constant("2.1", Territories.krasnoyarskKrai(),
                2024, "55").months())))));

        refresher.refreshChanged();
        refresher.refreshChanged();

        assertEquals(Optional.of(Percent.of("55.00")), yearOf(KRASNOYARSK, "2.1").months().get(11).planPercent());
    }

    @Test
    void while_batches_keep_coming_a_changed_region_waits_at_most_the_checks_allowed() {
        refresher.refreshAll();
        writes.clear();
        for (int check = 1; check <= 3; check++) {
            report("busy-" + check, "2024-0" + (3 + check), 4800L + check);
            refresher.refreshChanged();
        }

        assertEquals(List.of(KRASNOYARSK), writes, "written at the third check of a busy country, not before");
    }

    private void report(String key, String period, long withAccess) {
        Writes.done(submitReports.submit(Reports.batch(key,
                Reports.row(Territories.krasnoyarskKrai(), period, Reports.counts("students_with_access", withAccess,
                        "students_total", 10000L)))));
    }

    private YearStatusWriter.TerritoryYear yearOf(TerritoryCode territory, String indicator) {
        return table.get(territory.regionCode()).stream()
                .filter(year -> year.months().get(0).territory().code().equals(territory)
                        && year.months().get(0).indicator().code().value().equals(indicator))
                .findFirst().orElseThrow(() -> new AssertionError("no year of " + territory + " " + indicator));
    }
}
