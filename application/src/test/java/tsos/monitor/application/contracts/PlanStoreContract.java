package tsos.monitor.application.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.plan.PlanSource;
import tsos.monitor.domain.plan.PlanTarget;
import tsos.monitor.domain.plan.Quota;
import tsos.monitor.domain.territory.Municipality;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * What every {@link PlanStore} does, run against the fake and against PostgreSQL: region 61 (Ростовская область)
 * and one municipality of it; each test plans a year of its own, so that they can share one database.
 */
public abstract class PlanStoreContract extends PortContract {

    protected static final TerritoryCode ROSTOV = TerritoryCode.region("61");
    private static final TerritoryCode AZOV = TerritoryCode.municipality("61", "azov");
    private static final IndicatorCode STUDENTS = new IndicatorCode("2.1");
    private static final IndicatorCode SCHOOLS = new IndicatorCode("2.3");

    @BeforeEach
    void registerAzov() {
        transactions().inTransaction(() -> directory().register(List.of(new Municipality(AZOV, "Азовский район"))));
    }

    private void save(MonthlyPlan plan) {
        transactions().inTransaction(() -> {
            plans().saveMonthlyPlans(List.of(plan));
            return null;
        });
    }

    private void save(Quota quota) {
        transactions().inTransaction(() -> {
            plans().saveQuotas(List.of(quota));
            return null;
        });
    }

    private Optional<AppliedPlan> applied(TerritoryCode territory, IndicatorCode indicator, Month month) {
        return PlanInheritanceRule.applicable(territory, indicator, month,
                plans().plansWithin(ROSTOV, Year.of(month.value().getYear())).get(indicator));
    }

    @Test
    void a_municipality_without_a_plan_of_its_own_is_measured_against_its_region_s() {
        save(MonthlyPlan.constant(STUDENTS, ROSTOV, Year.of(2031), Percent.of("48.25")));

        AppliedPlan applied = applied(AZOV, STUDENTS, Month.of(2031, 3)).orElseThrow();
        assertEquals(new PlanTarget.PercentTarget(Percent.of("48.25")), applied.target());
        assertEquals(PlanSource.REGION, applied.source());
    }

    @Test
    void a_later_plan_for_the_same_indicator_territory_and_year_replaces_the_earlier() {
        save(MonthlyPlan.constant(STUDENTS, AZOV, Year.of(2032), Percent.of("10")));
        save(MonthlyPlan.constant(STUDENTS, AZOV, Year.of(2032), Percent.of("12")));

        AppliedPlan applied = applied(AZOV, STUDENTS, Month.of(2032, 11)).orElseThrow();
        assertEquals(new PlanTarget.PercentTarget(Percent.of("12")), applied.target());
        assertEquals(PlanSource.OWN, applied.source());
    }

    @Test
    void a_quota_is_read_back_for_its_municipality_and_a_later_one_replaces_it() {
        save(new Quota(SCHOOLS, AZOV, Year.of(2033), 2));
        save(new Quota(SCHOOLS, AZOV, Year.of(2033), 3));

        assertEquals(Optional.of(3L), plans().plansWithin(ROSTOV, Year.of(2033)).get(SCHOOLS).quota(AZOV)
                .map(Quota::count));
    }

    @Test
    void an_indicator_without_a_plan_or_quota_in_the_year_is_absent() {
        save(MonthlyPlan.constant(STUDENTS, ROSTOV, Year.of(2034), Percent.of("10")));

        assertFalse(plans().plansWithin(ROSTOV, Year.of(2034)).containsKey(SCHOOLS));
        assertFalse(plans().plansWithin(ROSTOV, Year.of(2035)).containsKey(STUDENTS));
    }
}
