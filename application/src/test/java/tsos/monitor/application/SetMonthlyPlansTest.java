package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tsos.monitor.application.Writes.at;
import static tsos.monitor.application.Writes.refused;
import static tsos.monitor.application.Writes.stored;

import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.fakes.InMemoryPlanStore;
import tsos.monitor.application.fakes.InMemoryRegionRevisions;
import tsos.monitor.application.fakes.InMemoryTerritoryDirectory;
import tsos.monitor.application.fakes.InMemoryTransactions;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Plans;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.plan.PlanTarget;
import tsos.monitor.domain.plan.SubmittedPlan;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.refusal.Field.Column;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryReference;

class SetMonthlyPlansTest {

    private static final TerritoryReference KRASNOYARSK = Territories.referenceTo(Territories.krasnoyarskKrai());
    private static final TerritoryReference KHABAROVSK = Territories.referenceTo(Territories.khabarovskKrai());

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryPlanStore plans = new InMemoryPlanStore(transactions);
    private final InMemoryTerritoryDirectory territories = InMemoryTerritoryDirectory.standard();
    private final SetMonthlyPlans setMonthlyPlans = new SetMonthlyPlans(Catalogue.standard(), territories, plans,
            transactions, new InMemoryRegionRevisions(transactions));

    private static SubmittedPlan krasnoyarsk2024(String indicator) {
        return new SubmittedPlan(KRASNOYARSK, indicator, 2024, Plans.krasnoyarsk2024Indicator21().months());
    }

    @Test
    void monthly_plans_are_stored_and_read_back_for_their_month() {
        assertEquals(1, stored(setMonthlyPlans.set(List.of(krasnoyarsk2024("2.1")))));

        var applied = plans.plansWithin(TerritoryCode.region("24"), Year.of(2024)).get(new IndicatorCode("2.1"))
                .monthlyPlan(TerritoryCode.region("24")).orElseThrow().valueFor(Month.of(2024, 2));
        assertEquals(Optional.of(Percent.of("48.25")), applied);
    }

    @Test
    void an_unknown_indicator_is_refused_naming_the_row_and_the_field_indicator() {
        var result = setMonthlyPlans.set(List.of(krasnoyarsk2024("2.1"), krasnoyarsk2024("9.9")));

        assertEquals(List.of(at(1, Column.INDICATOR)), refused(result));
        assertTrue(plans.isEmpty(), "a refused call stores none of its rows");
        assertEquals(0, transactions.opened());
    }

    @Test
    void every_bad_row_and_field_of_a_plan_is_named() {
        var result = setMonthlyPlans.set(List.of(
                new SubmittedPlan(new TerritoryReference("99", "", ""), "2.1", 2024,
                        Plans.krasnoyarsk2024Indicator21().months()),
                new SubmittedPlan(KRASNOYARSK, "not a code", 2024, Plans.krasnoyarsk2024Indicator21().months()),
                new SubmittedPlan(KRASNOYARSK, "2.1", 2024, Collections.nCopies(12, Optional.of(Percent.of("104")))),
                new SubmittedPlan(KRASNOYARSK, "2.1", 2024, Collections.nCopies(11, Optional.of(Percent.of("48"))))));

        List<Writes.RowField> expected = new ArrayList<>(List.of(at(0, Column.REGION), at(1, Column.INDICATOR)));
        IntStream.rangeClosed(1, 12).forEach(month -> expected.add(at(2, new Field.PlanMonth(month))));
        expected.add(at(3, Column.MONTHS));
        assertEquals(expected, refused(result));
        assertTrue(plans.isEmpty());
    }

    @Test
    void a_plan_row_with_an_unknown_territory_and_a_bad_month_names_both() {
        List<Optional<Percent>> months = new ArrayList<>(Plans.krasnoyarsk2024Indicator21().months());
        months.set(3, Optional.of(Percent.of("104")));
        var result = setMonthlyPlans.set(List.of(
                new SubmittedPlan(new TerritoryReference("99", "", ""), "2.1", 2024, months)));

        assertEquals(List.of(at(0, Column.REGION), at(0, new Field.PlanMonth(4))), refused(result));
    }

    @Test
    void a_later_plan_for_the_same_indicator_territory_and_year_replaces_the_earlier() {
        setMonthlyPlans.set(List.of(new SubmittedPlan(KHABAROVSK, "2.1", 2022,
                Plans.constant("2.1", Territories.khabarovskKrai(), 2022, "10").months())));
        setMonthlyPlans.set(List.of(new SubmittedPlan(KHABAROVSK, "2.1", 2022,
                Plans.constant("2.1", Territories.khabarovskKrai(), 2022, "12").months())));

        assertEquals(1, plans.monthlyPlans().size());
        var applied = PlanInheritanceRule.applicable(Territories.amurskyDistrict().code(),
                new IndicatorCode("2.1"), Month.of(2022, 11),
                plans.plansWithin(TerritoryCode.region("27"), Year.of(2022)).get(new IndicatorCode("2.1")));
        assertEquals(new PlanTarget.PercentTarget(Percent.of("12")), applied.orElseThrow().target());
    }

    @Test
    void a_plan_for_a_school_is_refused_naming_the_field_school() {
        territories.register(List.of(Territories.school(Territories.amurskyDistrict(), "1")));

        var result = setMonthlyPlans.set(List.of(new SubmittedPlan(new TerritoryReference("27", "08603000", "1"),
                "2.1", 2022, Plans.constant("2.1", Territories.khabarovskKrai(), 2022, "10").months())));

        assertEquals(List.of(at(0, Column.SCHOOL)), refused(result));
        assertTrue(plans.isEmpty());
    }

    @Test
    void a_plan_for_a_year_outside_those_served_is_refused_naming_the_field_year() {
        var result = setMonthlyPlans.set(List.of(new SubmittedPlan(KRASNOYARSK, "2.1", 20224,
                Plans.krasnoyarsk2024Indicator21().months())));

        assertEquals(List.of(at(0, Column.YEAR)), refused(result));
        assertTrue(plans.isEmpty());
    }
}
