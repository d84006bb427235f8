package tsos.monitor.domain.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.plan.PlanSource;
import tsos.monitor.domain.plan.PlanTarget;
import tsos.monitor.domain.territory.Territory;

class IndicatorStatusTest {

    private static final Counts KHABAROVSK = Counts.of(Reports.khabarovsk2022Counts());
    private static final Optional<AppliedPlan> TEN_PERCENT = Optional.of(
            new AppliedPlan(new PlanTarget.PercentTarget(Percent.of("10")), PlanSource.OWN));

    private static IndicatorStatus khabarovsk(String indicator, Optional<AppliedPlan> plan) {
        var definition = Catalogue.indicator(indicator);
        return new IndicatorStatus(Territories.khabarovskKrai(), definition, Reports.KHABAROVSK_2022_MONTH,
                definition.shareIn(KHABAROVSK), plan);
    }

    private static IndicatorStatus status(Optional<Share> actual, Optional<AppliedPlan> plan) {
        return status(Territories.khabarovskKrai(), actual, plan);
    }

    private static IndicatorStatus status(Territory territory, Optional<Share> actual, Optional<AppliedPlan> plan) {
        return new IndicatorStatus(territory, Catalogue.indicator("2.1"), Reports.KHABAROVSK_2022_MONTH, actual, plan);
    }

    private static Optional<AppliedPlan> quota(long count) {
        return Optional.of(new AppliedPlan(new PlanTarget.QuotaTarget(count), PlanSource.OWN));
    }

    @Test
    void khabarovsk_2_1_is_below_its_plan_of_10_percent_by_2_03_points() {
        IndicatorStatus status = khabarovsk("2.1", TEN_PERCENT);

        assertEquals(IndicatorState.BELOW_PLAN, status.state());
        assertTrue(status.isBelowPlan());
        assertEquals(Optional.of(Percent.of("7.97")), status.percent());
        assertEquals(Optional.of(Percent.of("10")), status.planPercent());
        assertEquals(Optional.of(Percent.of("-2.03")), status.gap());
        assertEquals("low", status.level().orElseThrow().name());
    }

    @Test
    void khabarovsk_2_2_is_above_its_plan() {
        IndicatorStatus status = khabarovsk("2.2", TEN_PERCENT);

        assertEquals(IndicatorState.ABOVE_PLAN, status.state());
        assertFalse(status.isBelowPlan());
        assertEquals(Optional.of(Percent.of("69.96")), status.percent());
        assertEquals(Optional.of(Percent.of("59.96")), status.gap());
        assertEquals("sufficient", status.level().orElseThrow().name());
    }

    @Test
    void khabarovsk_2_3_is_below_its_plan_by_0_13_points() {
        IndicatorStatus status = khabarovsk("2.3", TEN_PERCENT);

        assertEquals(IndicatorState.BELOW_PLAN, status.state());
        assertEquals(Optional.of(Percent.of("9.87")), status.percent());
        assertEquals(Optional.of(Percent.of("-0.13")), status.gap());
    }

    @Test
    void exactly_at_plan_is_not_below_plan() {
        IndicatorStatus status = status(Optional.of(new Share(1, 10)), TEN_PERCENT);

        assertEquals(IndicatorState.ABOVE_PLAN, status.state());
        assertEquals(Optional.of(Percent.of("0")), status.gap());
    }

    @Test
    void the_plan_is_compared_with_the_percent_as_shown_to_two_decimals() {
        // 9.996 % is shown as 10.00 %: the status must not say "below" beside a figure equal to the plan
        IndicatorStatus status = status(Optional.of(new Share(9_996, 100_000)), TEN_PERCENT);

        assertEquals(Optional.of(Percent.of("10.00")), status.percent());
        assertEquals(IndicatorState.ABOVE_PLAN, status.state());
    }

    @Test
    void just_below_plan_is_below_plan() {
        assertEquals(IndicatorState.BELOW_PLAN, status(Optional.of(new Share(999, 10_000)), TEN_PERCENT).state());
    }

    @Test
    void a_quota_is_compared_with_the_numerator_not_the_percent() {
        // Амурский район: 2 of its 18 schools must use the platform; 2 of 18 is only 11.11 %
        Territory amursky = Territories.amurskyDistrict();

        IndicatorStatus atQuota = status(amursky, Optional.of(new Share(2, 18)), quota(2));
        IndicatorStatus belowQuota = status(amursky, Optional.of(new Share(1, 18)), quota(2));

        assertEquals(IndicatorState.ABOVE_PLAN, atQuota.state());
        assertEquals(IndicatorState.BELOW_PLAN, belowQuota.state());
        assertEquals(Optional.of(2L), atQuota.quota());
        assertEquals(Optional.empty(), atQuota.planPercent());
        assertEquals(Optional.empty(), atQuota.gap());
    }

    @Test
    void without_a_report_there_is_no_data() {
        IndicatorStatus status = status(Optional.empty(), TEN_PERCENT);

        assertEquals(IndicatorState.NO_DATA, status.state());
        assertEquals(Optional.empty(), status.percent());
        assertEquals(Optional.empty(), status.gap());
        assertEquals(Optional.empty(), status.level());
    }

    @Test
    void a_zero_denominator_is_no_data_with_or_without_a_plan() {
        assertEquals(IndicatorState.NO_DATA, status(Optional.of(new Share(0, 0)), TEN_PERCENT).state());
        assertEquals(IndicatorState.NO_DATA, status(Optional.of(new Share(0, 0)), Optional.empty()).state());
    }

    @Test
    void data_without_a_plan_is_no_plan_and_keeps_its_percent_and_level() {
        IndicatorStatus status = status(Optional.of(new Share(11_869, 148_870)), Optional.empty());

        assertEquals(IndicatorState.NO_PLAN, status.state());
        assertEquals(Optional.of(Percent.of("7.97")), status.percent());
        assertEquals(Optional.empty(), status.gap());
        assertEquals("low", status.level().orElseThrow().name());
    }

    @Test
    void a_numerator_above_its_denominator_is_inconsistent_with_no_percent_gap_or_level() {
        IndicatorStatus status = status(Optional.of(new Share(18_013, 17_218)), TEN_PERCENT);

        assertEquals(IndicatorState.INCONSISTENT, status.state());
        assertEquals(Optional.empty(), status.percent());
        assertEquals(Optional.empty(), status.gap());
        assertEquals(Optional.empty(), status.level());
    }

    @Test
    void inconsistent_counts_are_inconsistent_whatever_the_plan() {
        assertEquals(IndicatorState.INCONSISTENT, status(Optional.of(new Share(19, 18)), quota(2)).state());
        assertEquals(IndicatorState.INCONSISTENT, status(Optional.of(new Share(19, 18)), Optional.empty()).state());
    }

    @ParameterizedTest(name = "{0} / {1} = {2} % is {3}")
    @CsvSource({
            "11869, 148870, 7.97, low",
            "7591, 10851, 69.96, sufficient",
            "70, 100, 70.00, high",
            "30, 100, 30.00, sufficient",
            "2999, 10000, 29.99, low"})
    void the_level_bands_are_half_open(long numerator, long denominator, String percent, String level) {
        IndicatorStatus status = status(Optional.of(new Share(numerator, denominator)), TEN_PERCENT);

        assertEquals(Optional.of(Percent.of(percent)), status.percent());
        assertEquals(level, status.level().orElseThrow().name());
    }
}
