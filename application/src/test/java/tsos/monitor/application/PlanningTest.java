package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
import tsos.monitor.domain.plan.PlanTarget;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryReference;

class PlanningTest {

    private static final TerritoryReference KRASNOYARSK = Territories.referenceTo(Territories.krasnoyarskKrai());
    private static final TerritoryReference KHABAROVSK = Territories.referenceTo(Territories.khabarovskKrai());

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryPlanStore plans = new InMemoryPlanStore(transactions);
    private final InMemoryTerritoryDirectory territories = InMemoryTerritoryDirectory.standard();
    private final Planning planning = new Planning(Catalogue.standard(), territories, plans, transactions,
            new InMemoryRegionRevisions(transactions));

    private static Planning.PlanEntry krasnoyarsk2024(String indicator) {
        return new Planning.PlanEntry(KRASNOYARSK, indicator, 2024, Plans.krasnoyarsk2024Indicator21().months());
    }

    private static List<String> rowsAndFields(Planning.Outcome outcome) {
        return outcome.violations().stream().map(v -> v.row() + ":" + v.field()).toList();
    }

    @Test
    void monthly_plans_are_stored_and_read_back_for_their_month() {
        Planning.Outcome outcome = planning.setMonthlyPlans(List.of(krasnoyarsk2024("2.1")));

        assertFalse(outcome.refused());
        assertEquals(1, outcome.stored());
        var applied = plans.plansWithin(TerritoryCode.region("24"), java.time.Year.of(2024)).get(new IndicatorCode("2.1"))
                .monthlyPlan(TerritoryCode.region("24")).orElseThrow().valueFor(Month.of(2024, 2));
        assertEquals(Optional.of(Percent.of("48.25")), applied);
    }

    @Test
    void an_unknown_indicator_is_refused_naming_the_row_and_the_field_indicator() {
        Planning.Outcome outcome = planning.setMonthlyPlans(List.of(krasnoyarsk2024("2.1"), krasnoyarsk2024("9.9")));

        assertTrue(outcome.refused());
        assertEquals(List.of("1:indicator"), rowsAndFields(outcome));
        assertEquals("plans[1].indicator", outcome.violations().get(0).path("plans"));
        assertEquals(0, outcome.stored());
        assertTrue(plans.isEmpty(), "a refused call stores none of its rows");
        assertEquals(0, transactions.opened());
    }

    @Test
    void every_bad_row_and_field_of_a_plan_is_named() {
        Planning.Outcome outcome = planning.setMonthlyPlans(List.of(
                new Planning.PlanEntry(new TerritoryReference("99", "", ""), "2.1", 2024,
                        Plans.krasnoyarsk2024Indicator21().months()),
                new Planning.PlanEntry(KRASNOYARSK, "not a code", 2024, Plans.krasnoyarsk2024Indicator21().months()),
                new Planning.PlanEntry(KRASNOYARSK, "2.1", 2024,
                        Collections.nCopies(12, Optional.of(Percent.of("104")))),
                new Planning.PlanEntry(KRASNOYARSK, "2.1", 2024,
                        Collections.nCopies(11, Optional.of(Percent.of("48"))))));

        List<String> expected = new java.util.ArrayList<>(List.of("0:region", "1:indicator"));
        java.util.stream.IntStream.rangeClosed(1, 12).forEach(month -> expected.add("2:months[" + month + "]"));
        expected.add("3:months");
        assertEquals(expected, rowsAndFields(outcome));
        assertTrue(plans.isEmpty());
    }

    @Test
    void a_plan_row_with_an_unknown_territory_and_a_bad_month_names_both() {
        List<Optional<Percent>> months = new java.util.ArrayList<>(Plans.krasnoyarsk2024Indicator21().months());
        months.set(3, Optional.of(Percent.of("104")));
        Planning.Outcome outcome = planning.setMonthlyPlans(List.of(
                new Planning.PlanEntry(new TerritoryReference("99", "", ""), "2.1", 2024, months)));

        assertEquals(List.of("0:region", "0:months[4]"), rowsAndFields(outcome));
    }

    @Test
    void a_quota_row_with_an_unknown_indicator_and_a_negative_quota_names_both() {
        Planning.Outcome outcome = planning.setQuotas(List.of(
                new Planning.QuotaEntry(new TerritoryReference("27", "Амурский район", ""), "9.9", 2022, -2)));

        assertEquals(List.of("0:indicator", "0:quota"), rowsAndFields(outcome));
    }

    @Test
    void quotas_of_municipalities_named_by_name_are_stored() {
        Planning.Outcome outcome = planning.setQuotas(List.of(
                new Planning.QuotaEntry(new TerritoryReference("27", "Амурский район", ""), "2.3", 2022, 2),
                new Planning.QuotaEntry(new TerritoryReference("27", "г. Комсомольск-на-Амуре", ""), "2.3", 2022, 4)));

        assertFalse(outcome.refused());
        assertEquals(2, outcome.stored());
        var quota = plans.plansWithin(TerritoryCode.region("27"), java.time.Year.of(2022)).get(new IndicatorCode("2.3"))
                .quota(Territories.amurskyDistrict().code()).orElseThrow();
        assertEquals(2, quota.count());
    }

    @Test
    void a_negative_quota_is_refused_naming_the_field_quota() {
        Planning.Outcome outcome = planning.setQuotas(List.of(
                new Planning.QuotaEntry(new TerritoryReference("27", "Амурский район", ""), "2.3", 2022, -2)));

        assertEquals(List.of("0:quota"), rowsAndFields(outcome));
        assertTrue(plans.isEmpty());
    }

    @Test
    void a_later_plan_for_the_same_indicator_territory_and_year_replaces_the_earlier() {
        planning.setMonthlyPlans(List.of(new Planning.PlanEntry(KHABAROVSK, "2.1", 2022,
                Plans.constant("2.1", Territories.khabarovskKrai(), 2022, "10").months())));
        planning.setMonthlyPlans(List.of(new Planning.PlanEntry(KHABAROVSK, "2.1", 2022,
                Plans.constant("2.1", Territories.khabarovskKrai(), 2022, "12").months())));

        assertEquals(1, plans.monthlyPlans().size());
        var applied = tsos.monitor.domain.plan.PlanInheritanceRule.applicable(Territories.amurskyDistrict().code(),
                new IndicatorCode("2.1"), Month.of(2022, 11),
                plans.plansWithin(TerritoryCode.region("27"), java.time.Year.of(2022)).get(new IndicatorCode("2.1")));
        assertEquals(new PlanTarget.PercentTarget(Percent.of("12")), applied.orElseThrow().target());
    }

    @Test
    void a_plan_for_a_school_is_refused() {
        territories.register(List.of(Territories.school(Territories.amurskyDistrict(), "1")));

        Planning.Outcome outcome = planning.setMonthlyPlans(List.of(new Planning.PlanEntry(
                new TerritoryReference("27", "08603000", "1"), "2.1", 2022,
                Plans.constant("2.1", Territories.khabarovskKrai(), 2022, "10").months())));

        assertTrue(outcome.refused());
        assertTrue(plans.isEmpty());
    }

    @Test
    void a_plan_for_a_year_outside_those_served_is_refused_naming_the_field_year() {
        Planning.Outcome outcome = planning.setMonthlyPlans(List.of(new Planning.PlanEntry(KRASNOYARSK, "2.1", 20224,
                Plans.krasnoyarsk2024Indicator21().months())));

        assertEquals(List.of("0:year"), rowsAndFields(outcome));
        assertTrue(plans.isEmpty());
    }

    @Test
    void a_municipality_is_registered_and_its_school_named_by_the_municipality_s_name() {
        Planning.Outcome municipality = planning.register(List.of(
                new Planning.TerritoryEntry("27", "08610000", "", "Бикинский район")));
        Planning.Outcome school = planning.register(List.of(
                new Planning.TerritoryEntry("27", "Бикинский район", "0001", "МБОУ СОШ № 1")));

        assertFalse(municipality.refused());
        assertFalse(school.refused());
        assertEquals(List.of("МБОУ СОШ № 1"), territories.children(TerritoryCode.municipality("27", "08610000"))
                .stream().map(t -> t.name()).toList());
    }

    @Test
    void a_municipality_of_an_unknown_region_is_refused_naming_the_field_region() {
        Planning.Outcome outcome = planning.register(List.of(
                new Planning.TerritoryEntry("27", "08610000", "", "Бикинский район"),
                new Planning.TerritoryEntry("99", "0001", "", "Нигде"),
                new Planning.TerritoryEntry("2x", "0001", "", "Нигде")));

        assertEquals(List.of("1:region", "2:region"), rowsAndFields(outcome));
        assertEquals(4, territories.children(TerritoryCode.region("27")).size(), "nothing of the call registered");
    }

    @Test
    void a_territory_without_a_name_is_refused_naming_the_field_name() {
        Planning.Outcome outcome = planning.register(List.of(new Planning.TerritoryEntry("27", "08610000", "", " ")));

        assertEquals(List.of("0:name"), rowsAndFields(outcome));
    }

    @Test
    void a_school_of_an_unknown_municipality_is_refused_naming_the_field_municipality() {
        Planning.Outcome outcome = planning.register(List.of(
                new Planning.TerritoryEntry("27", "Нет такого района", "0001", "Школа")));

        assertEquals(List.of("0:municipality"), rowsAndFields(outcome));
    }

    @Test
    void a_code_that_cannot_be_is_refused_naming_its_own_field() {
        Planning.Outcome outcome = planning.register(List.of(
                new Planning.TerritoryEntry("27", "0861/0000", "", "Косая черта"),
                new Planning.TerritoryEntry("27", "Амурский район", "00/01", "Школа с косой чертой"),
                new Planning.TerritoryEntry("27", "x".repeat(65), "", "Длинный код")));

        assertEquals(List.of("0:municipality", "1:school", "2:municipality"), rowsAndFields(outcome));
    }
}
