package tsos.monitor.domain.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.territory.School;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;

class RatioOfSumsTest {

    private static final IndicatorDefinition STUDENTS_WITH_ACCESS = Catalogue.indicator("2.1");
    private static final IndicatorDefinition SCHOOLS_USING = Catalogue.indicator("2.3");

    private static final Territory REGION = Territories.khabarovskKrai();
    private static final Territory AMURSKY = Territories.amurskyDistrict();
    private static final Territory VANINO = Territories.vaninskyDistrict();
    private static final Territory KOMSOMOLSK = Territories.komsomolskNaAmure();

    private final Map<TerritoryCode, Counts> counts = new LinkedHashMap<>();

    private void reports(Territory territory, Object... nameThenCount) {
        counts.put(territory.code(), Reports.countsOf(nameThenCount));
    }

    private void students(Territory territory, long withAccess, long total) {
        reports(territory, "students_with_access", withAccess, "students_total", total);
    }

    private void school(School school, long teachersWithAccess, long teachers, long studentsWithAccess, long students) {
        reports(school, "teachers_with_access", teachersWithAccess, "teachers_total", teachers,
                "students_with_access", studentsWithAccess, "students_total", students);
    }

    private RatioOfSums.Result of(IndicatorDefinition indicator, Territory territory) {
        return new RatioOfSums(indicator, counts).of(territory.code());
    }

    @Test
    void a_region_without_its_own_report_sums_its_municipalities() {
        students(AMURSKY, 1_000, 5_000);
        students(VANINO, 869, 3_870);
        students(KOMSOMOLSK, 10_000, 140_000);

        RatioOfSums.Result region = of(STUDENTS_WITH_ACCESS, REGION);

        assertEquals(Optional.of(new Share(11_869, 148_870)), region.share());
        assertEquals(Percent.of("7.97"), region.share().flatMap(Share::percent).orElseThrow());
        assertEquals(3, region.territoriesSummed());
        assertEquals(0, region.inconsistentLeftOut());
    }

    @Test
    void a_region_is_the_ratio_of_sums_and_not_the_average_of_percents() {
        students(AMURSKY, 1, 10);     // 10 %
        students(VANINO, 90, 100);    // 90 %

        Percent regionPercent = of(STUDENTS_WITH_ACCESS, REGION).share().flatMap(Share::percent).orElseThrow();

        BigDecimal averageOfPercents = new BigDecimal("10").add(new BigDecimal("90"))
                .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        assertEquals(new BigDecimal("50.00"), averageOfPercents);
        assertNotEquals(averageOfPercents, regionPercent.value());
        assertEquals(Percent.of("82.73"), regionPercent); // 91 / 110
    }

    @Test
    void a_territory_s_own_report_wins_over_its_children() {
        students(REGION, 11_869, 148_870);
        students(AMURSKY, 1, 10);
        students(VANINO, 90, 100);

        RatioOfSums.Result region = of(STUDENTS_WITH_ACCESS, REGION);

        assertEquals(Optional.of(new Share(11_869, 148_870)), region.share());
        assertEquals(1, region.territoriesSummed());
    }

    @Test
    void a_territory_whose_own_counts_lack_the_indicator_sums_its_children() {
        reports(REGION, "teachers_total", 10_851);  // the region reported something, but not 2.1
        students(AMURSKY, 1, 10);

        assertEquals(Optional.of(new Share(1, 10)), of(STUDENTS_WITH_ACCESS, REGION).share());
    }

    @Test
    void a_region_sums_the_schools_of_municipalities_that_did_not_report_themselves() {
        students(Territories.school(Territories.amurskyDistrict(), "1"), 30, 100);
        students(Territories.school(Territories.amurskyDistrict(), "2"), 70, 100);
        students(VANINO, 100, 800);

        RatioOfSums.Result region = of(STUDENTS_WITH_ACCESS, REGION);

        assertEquals(Optional.of(new Share(200, 1_000)), region.share());
        assertEquals(3, region.territoriesSummed());
        assertEquals(Optional.of(new Share(100, 200)), of(STUDENTS_WITH_ACCESS, AMURSKY).share());
    }

    @Test
    void a_territory_without_any_report_has_no_share() {
        students(AMURSKY, 1, 10);

        RatioOfSums.Result vanino = of(STUDENTS_WITH_ACCESS, VANINO);

        assertEquals(Optional.empty(), vanino.share());
        assertEquals(0, vanino.territoriesSummed());
    }

    @Test
    void a_school_without_its_own_2_3_counts_is_judged_by_the_school_usage_rule() {
        School sixtyForty = Territories.school(Territories.amurskyDistrict(), "1");
        School bothAboveHalf = Territories.school(Territories.amurskyDistrict(), "2");
        school(sixtyForty, 60, 100, 40, 100);       // 60 % of teachers, 40 % of students: not using
        school(bothAboveHalf, 30, 50, 300, 500);    // 60 % and 60 %: using

        assertEquals(Optional.of(new Share(0, 1)), of(SCHOOLS_USING, sixtyForty).share());
        assertEquals(Optional.of(new Share(1, 1)), of(SCHOOLS_USING, bothAboveHalf).share());
        assertEquals(Optional.of(new Share(1, 2)), of(SCHOOLS_USING, AMURSKY).share());
    }

    @Test
    void exactly_50_percent_of_teachers_and_of_students_counts_as_using() {
        School half = Territories.school(Territories.amurskyDistrict(), "1");
        school(half, 50, 100, 150, 300);

        assertEquals(Optional.of(new Share(1, 1)), of(SCHOOLS_USING, half).share());
    }

    @Test
    void just_below_50_percent_of_students_does_not_count_as_using() {
        School almost = Territories.school(Territories.amurskyDistrict(), "1");
        school(almost, 100, 100, 4_999, 10_000);

        assertEquals(Optional.of(new Share(0, 1)), of(SCHOOLS_USING, almost).share());
    }

    @Test
    void a_school_without_teachers_does_not_count_as_using() {
        School empty = Territories.school(Territories.amurskyDistrict(), "1");
        school(empty, 0, 0, 10, 10);

        assertEquals(Optional.of(new Share(0, 1)), of(SCHOOLS_USING, empty).share());
    }

    @Test
    void a_school_that_did_not_report_what_the_rule_needs_is_not_counted() {
        School teachersOnly = Territories.school(Territories.amurskyDistrict(), "1");
        School complete = Territories.school(Territories.amurskyDistrict(), "2");
        reports(teachersOnly, "teachers_with_access", 10, "teachers_total", 10);
        school(complete, 10, 10, 10, 10);

        assertEquals(Optional.empty(), of(SCHOOLS_USING, teachersOnly).share());
        assertEquals(Optional.of(new Share(1, 1)), of(SCHOOLS_USING, AMURSKY).share());
    }

    @Test
    void a_municipality_s_own_2_3_counts_win_over_its_schools() {
        reports(AMURSKY, "schools_using_platform", 2, "schools_total", 18);
        school(Territories.school(Territories.amurskyDistrict(), "1"), 10, 10, 10, 10);

        assertEquals(Optional.of(new Share(2, 18)), of(SCHOOLS_USING, AMURSKY).share());
    }

    @Test
    void an_inconsistent_child_is_left_out_and_counted_as_left_out() {
        students(AMURSKY, 1, 10);
        students(VANINO, 90, 100);
        students(KOMSOMOLSK, 18_013, 17_218);

        RatioOfSums.Result region = of(STUDENTS_WITH_ACCESS, REGION);

        assertEquals(Optional.of(new Share(91, 110)), region.share());
        assertEquals(2, region.territoriesSummed());
        assertEquals(1, region.inconsistentLeftOut());
    }

    @Test
    void left_out_children_are_counted_up_through_every_level() {
        students(Territories.school(Territories.amurskyDistrict(), "1"), 5, 10);
        students(Territories.school(Territories.amurskyDistrict(), "2"), 11, 10);
        students(VANINO, 90, 100);

        RatioOfSums.Result region = of(STUDENTS_WITH_ACCESS, REGION);

        assertEquals(Optional.of(new Share(95, 110)), region.share());
        assertEquals(2, region.territoriesSummed());
        assertEquals(1, region.inconsistentLeftOut());
    }

    @Test
    void a_parent_of_only_inconsistent_children_is_inconsistent() {
        students(AMURSKY, 11, 10);
        students(VANINO, 101, 100);

        RatioOfSums.Result region = of(STUDENTS_WITH_ACCESS, REGION);

        assertFalse(region.share().orElseThrow().isConsistent());
        assertEquals(Optional.empty(), region.share().flatMap(Share::percent));
        assertEquals(0, region.territoriesSummed());
        assertEquals(2, region.inconsistentLeftOut());
        assertEquals(IndicatorState.INCONSISTENT, BelowPlanRule.stateOf(region.share(), Optional.empty()));
    }

    @Test
    void a_school_whose_rule_counts_contradict_each_other_is_left_out_as_inconsistent() {
        School contradictory = Territories.school(Territories.amurskyDistrict(), "1");
        School using = Territories.school(Territories.amurskyDistrict(), "2");
        school(contradictory, 60, 50, 100, 100);   // more teachers with access than teachers
        school(using, 10, 10, 10, 10);

        RatioOfSums.Result municipality = of(SCHOOLS_USING, AMURSKY);

        assertEquals(Optional.of(new Share(1, 1)), municipality.share());
        assertEquals(1, municipality.territoriesSummed());
        assertEquals(1, municipality.inconsistentLeftOut());
    }
}
