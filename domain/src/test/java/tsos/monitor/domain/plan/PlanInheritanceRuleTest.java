package tsos.monitor.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Plans;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.territory.Territory;

class PlanInheritanceRuleTest {

    private static final IndicatorCode INDICATOR_2_3 = new IndicatorCode("2.3");
    private static final Territory REGION = Territories.khabarovskKrai();
    private static final Territory AMURSKY = Territories.amurskyDistrict();
    private static final Month NOVEMBER_2022 = Month.of(2022, 11);

    private static Optional<AppliedPlan> applicable(Territory territory, Month month, PlanInheritanceRule.Plans plans) {
        return PlanInheritanceRule.applicable(territory.code(), INDICATOR_2_3, month, plans);
    }

    private static AppliedPlan percent(String percent, PlanSource source) {
        return new AppliedPlan(new PlanTarget.PercentTarget(Percent.of(percent)), source);
    }

    private static AppliedPlan quota(long count) {
        return new AppliedPlan(new PlanTarget.QuotaTarget(count), PlanSource.OWN);
    }

    @Test
    void a_region_uses_its_own_plan() {
        var plans = Plans.of(Plans.constant("2.3", REGION, 2022, "10"));

        assertEquals(Optional.of(percent("10", PlanSource.OWN)), applicable(REGION, NOVEMBER_2022, plans));
    }

    @Test
    void a_municipality_without_its_own_plan_uses_the_region_s() {
        var plans = Plans.of(Plans.constant("2.3", REGION, 2022, "10"));

        assertEquals(Optional.of(percent("10", PlanSource.REGION)), applicable(AMURSKY, NOVEMBER_2022, plans));
    }

    @Test
    void a_municipality_s_own_plan_wins_over_the_region_s() {
        var plans = Plans.of(Plans.constant("2.3", REGION, 2022, "10"), Plans.constant("2.3", AMURSKY, 2022, "15"));

        assertEquals(Optional.of(percent("15", PlanSource.OWN)), applicable(AMURSKY, NOVEMBER_2022, plans));
    }

    @Test
    void a_municipality_s_own_quota_wins_over_the_region_s_percent() {
        var plans = Plans.of(List.of(Plans.constant("2.3", REGION, 2022, "10")),
                List.of(Plans.quota("2.3", AMURSKY, 2022, 2)));

        assertEquals(Optional.of(quota(2)), applicable(AMURSKY, NOVEMBER_2022, plans));
    }

    @Test
    void a_municipality_s_own_quota_wins_over_its_own_percent() {
        var plans = Plans.of(List.of(Plans.constant("2.3", AMURSKY, 2022, "15")),
                List.of(Plans.quota("2.3", AMURSKY, 2022, 2)));

        assertEquals(Optional.of(quota(2)), applicable(AMURSKY, NOVEMBER_2022, plans));
    }

    @Test
    void a_region_s_quota_is_not_handed_down_to_its_municipalities() {
        var plans = Plans.of(List.of(), List.of(Plans.quota("2.3", REGION, 2022, 38)));

        assertEquals(Optional.empty(), applicable(AMURSKY, NOVEMBER_2022, plans));
        assertEquals(Optional.of(quota(38)), applicable(REGION, NOVEMBER_2022, plans));
    }

    @Test
    void a_region_s_quota_gives_way_to_its_percent_plan_for_its_municipalities() {
        var plans = Plans.of(List.of(Plans.constant("2.3", REGION, 2022, "10")),
                List.of(Plans.quota("2.3", REGION, 2022, 38)));

        assertEquals(Optional.of(percent("10", PlanSource.REGION)), applicable(AMURSKY, NOVEMBER_2022, plans));
    }

    @Test
    void a_plan_of_another_year_does_not_apply() {
        var plans = Plans.of(List.of(Plans.constant("2.3", REGION, 2023, "10")),
                List.of(Plans.quota("2.3", AMURSKY, 2023, 2)));

        assertEquals(Optional.empty(), applicable(REGION, NOVEMBER_2022, plans));
        assertEquals(Optional.empty(), applicable(AMURSKY, NOVEMBER_2022, plans));
    }

    @Test
    void a_quota_of_another_indicator_does_not_apply() {
        var plans = Plans.of(List.of(), List.of(Plans.quota("2.1", AMURSKY, 2022, 2)));

        assertEquals(Optional.empty(), applicable(AMURSKY, NOVEMBER_2022, plans));
    }

    @Test
    void a_constant_target_until_1_september_has_no_plan_in_september() {
        // "≥ 35 % until 1 September": January to August
        var plans = Plans.of(Plans.untilMonth("2.3", REGION, 2023, "35", 8));

        assertEquals(Optional.of(percent("35", PlanSource.OWN)), applicable(REGION, Month.of(2023, 1), plans));
        assertEquals(Optional.of(percent("35", PlanSource.OWN)), applicable(REGION, Month.of(2023, 8), plans));
        assertEquals(Optional.empty(), applicable(REGION, Month.of(2023, 9), plans));
        assertEquals(Optional.empty(), applicable(AMURSKY, Month.of(2023, 9), plans));
    }

    @Test
    void the_plan_of_a_month_is_that_month_s_value() {
        var plans = Plans.of(Plans.krasnoyarsk2024Indicator21());
        Territory krasnoyarsk = Territories.krasnoyarskKrai();

        assertEquals(Optional.of(percent("48.00", PlanSource.OWN)), applicable(krasnoyarsk, Month.of(2024, 1), plans));
        assertEquals(Optional.of(percent("49.25", PlanSource.OWN)), applicable(krasnoyarsk, Month.of(2024, 10), plans));
        assertEquals(Optional.of(percent("50.00", PlanSource.OWN)), applicable(krasnoyarsk, Month.of(2024, 12), plans));
    }

    @Test
    void without_any_plan_none_applies() {
        assertEquals(Optional.empty(), applicable(AMURSKY, NOVEMBER_2022, Plans.NONE));
        assertEquals(Optional.empty(), applicable(REGION, NOVEMBER_2022, Plans.NONE));
    }
}
