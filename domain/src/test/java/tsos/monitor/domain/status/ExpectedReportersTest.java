package tsos.monitor.domain.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Plans;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.plan.Quota;
import tsos.monitor.domain.territory.TerritoryCode;

class ExpectedReportersTest {

    private static final IndicatorDefinition SCHOOLS = Catalogue.monthly("2.3", "Доля школ", "schools_using_platform",
            "schools_total");
    private static final Month MAY = Month.of(2024, 5);
    private static final TerritoryCode AMURSKY = Territories.amurskyDistrict().code();

    @Test
    void every_territory_of_a_region_that_reports_the_indicator_is_expected_to() {
        assertTrue(ExpectedReporters.expects(AMURSKY, SCHOOLS, MAY, Set.of(new Metric("schools_using_platform")),
                PlanInheritanceRule.Plans.NONE));
    }

    @Test
    void nobody_is_expected_to_report_an_indicator_neither_reported_nor_planned_in_the_region() {
        assertFalse(ExpectedReporters.expects(AMURSKY, SCHOOLS, MAY, Set.of(new Metric("students_total")),
                PlanInheritanceRule.Plans.NONE));
    }

    @Test
    void a_shared_denominator_sent_for_another_indicator_does_not_make_this_one_expected() {
        IndicatorDefinition sferum = Catalogue.monthly("mm.10", "Доля школ в Сферуме", "schools_in_sferum",
                "schools_total");
        assertFalse(ExpectedReporters.expects(AMURSKY, sferum, MAY, Set.of(new Metric("schools_using_platform"),
                new Metric("schools_total")), PlanInheritanceRule.Plans.NONE));
    }

    @Test
    void an_indicator_is_reported_by_its_numerator_never_by_its_denominator_alone() {
        assertTrue(ExpectedReporters.isOwnCount(SCHOOLS, new Metric("schools_using_platform")));
        assertFalse(ExpectedReporters.isOwnCount(SCHOOLS, new Metric("schools_total")),
                "a silent territory that sent schools_total for another indicator has not reported this one");
    }

    @Test
    void a_region_s_plan_makes_its_municipalities_expected_and_a_quota_its_own_territory() {
        var regionPlan = PlanInheritanceRule.Plans.of(Map.of(Territories.khabarovskKrai().code(),
                Plans.constant("2.3", Territories.khabarovskKrai(), 2024, "10.00")), Map.of());
        assertTrue(ExpectedReporters.expects(AMURSKY, SCHOOLS, MAY, Set.of(), regionPlan));

        var quota = PlanInheritanceRule.Plans.of(Map.of(), Map.of(AMURSKY,
                new Quota(SCHOOLS.code(), AMURSKY, Year.of(2024), 4)));
        assertTrue(ExpectedReporters.expects(AMURSKY, SCHOOLS, MAY, Set.of(), quota));
        assertFalse(ExpectedReporters.expects(Territories.vaninskyDistrict().code(), SCHOOLS, MAY, Set.of(), quota),
                "a municipality's quota says nothing of its neighbour");
    }

    @Test
    void coverage_counts_the_expected_children_that_sent_counts_inconsistent_ones_included() {
        var sent = new IndicatorStatus(Territories.amurskyDistrict(), SCHOOLS, MAY, Optional.of(new Share(3, 6)),
                Optional.empty());
        var inconsistent = new IndicatorStatus(Territories.vaninskyDistrict(), SCHOOLS, MAY,
                Optional.of(new Share(7, 6)), Optional.empty());
        var silent = new IndicatorStatus(Territories.okhotskyDistrict(), SCHOOLS, MAY, Optional.empty(),
                Optional.empty());

        assertEquals(new Coverage(2, 3), Coverage.of(List.of(sent, inconsistent, silent)));
        assertThrows(IllegalArgumentException.class, () -> new Coverage(4, 3));
    }
}
