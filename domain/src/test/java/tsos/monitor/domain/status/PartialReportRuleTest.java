package tsos.monitor.domain.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.territory.TerritoryCode;

class PartialReportRuleTest {

    private static final IndicatorDefinition TEACHERS = Catalogue.monthly("2.2", "Доля педагогов",
            "teachers_using_platform", "teachers_total");
    private static final IndicatorDefinition STUDENTS = Catalogue.monthly("2.1", "Доля обучающихся",
            "students_with_access", "students_total");
    private static final TerritoryCode AMURSKY = Territories.amurskyDistrict().code();
    private static final TerritoryCode VANINSKY = Territories.vaninskyDistrict().code();

    @Test
    void a_count_missing_from_the_month_s_report_is_named_only_for_an_indicator_reported_in_part() {
        Map<TerritoryCode, Counts> may = Map.of(AMURSKY, Counts.of(Map.of("teachers_total", 700L)),
                VANINSKY, Counts.of(Map.of("students_with_access", 5L, "students_total", 10L)));

        assertEquals(Map.of(AMURSKY, Set.of(new Metric("teachers_using_platform"))),
                PartialReportRule.missing(List.of(TEACHERS, STUDENTS), may));
    }

    @Test
    void a_partial_report_takes_the_missing_count_at_its_latest_earlier_value() {
        Map<TerritoryCode, Counts> may = Map.of(AMURSKY, Counts.of(Map.of("teachers_total", 700L)));
        Map<TerritoryCode, Counts> april = Map.of(AMURSKY, Counts.of(Map.of("teachers_using_platform", 300L)));

        Map<TerritoryCode, Counts> counts = PartialReportRule.countsFor(TEACHERS, may, april);

        assertEquals(new Share(300, 700), TEACHERS.shareIn(counts.get(AMURSKY)).orElseThrow());
    }

    @Test
    void a_territory_silent_for_an_indicator_in_the_month_has_no_counts_for_it_whatever_it_sent_before() {
        Map<TerritoryCode, Counts> may = Map.of(AMURSKY, Counts.of(Map.of("students_total", 10L)));
        Map<TerritoryCode, Counts> april = Map.of(AMURSKY, Counts.of(Map.of("teachers_using_platform", 300L,
                "teachers_total", 618L)));

        assertEquals(Map.of(), PartialReportRule.countsFor(TEACHERS, may, april));
    }
}
