package tsos.monitor.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Reports;

class IndicatorDefinitionTest {

    private final IndicatorCatalogue catalogue = Catalogue.standard();

    @Test
    void share_of_active_schools_is_of_registered_ones() {
        Counts sferum = Reports.countsOf("schools_total", 347, "schools_in_sferum", 325, "schools_active_in_sferum", 141);

        Share active = Catalogue.indicator("sferum.schools_active").shareIn(sferum).orElseThrow();
        Share registered = Catalogue.indicator("sferum.schools_registered").shareIn(sferum).orElseThrow();

        assertEquals(new Share(141, 325), active);
        assertEquals(Percent.of("43.38"), active.percent().orElseThrow());
        assertEquals(new Share(325, 347), registered);
        assertEquals(Percent.of("93.66"), registered.percent().orElseThrow());
    }

    @Test
    void share_of_active_schools_in_my_school_is_of_those_in_the_platform() {
        Share active = Catalogue.indicator("myschool.schools_active").shareIn(
                Counts.of(Reports.krasnoyarsk2024Snapshot())).orElseThrow();

        assertEquals(Percent.of("23.60"), active.percent().orElseThrow());
    }

    @Test
    void a_territory_without_both_counts_has_no_share() {
        Counts onlyTotal = Reports.countsOf("students_total", 148_870);

        assertEquals(Optional.empty(), Catalogue.indicator("2.1").shareIn(onlyTotal));
    }

    @Test
    void a_missing_count_is_not_zero() {
        Counts counts = Reports.countsOf("students_total", 10);

        assertFalse(counts.has(new Metric("students_with_access")));
        assertTrue(counts.get(new Metric("students_with_access")).isEmpty());
    }

    @Test
    void the_metrics_of_2_3_include_those_of_its_school_rule() {
        assertEquals(java.util.Set.of("schools_using_platform", "schools_total", "teachers_with_access",
                        "teachers_total", "students_with_access", "students_total"),
                Catalogue.indicator("2.3").metrics().stream().map(Metric::name).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void the_catalogue_knows_every_metric_of_its_indicators_and_the_other_counts() {
        assertTrue(catalogue.metricNamed("teachers_with_access").isPresent());
        assertTrue(catalogue.metricNamed("schools_equipped").isPresent());
        assertFalse(catalogue.metricNamed("foo").isPresent());
    }

    @Test
    void a_metric_is_read_by_every_indicator_that_divides_by_it_or_judges_schools_by_it() {
        assertEquals(catalogue.all().stream()
                        .filter(indicator -> indicator.metrics().contains(new Metric("students_total")))
                        .map(indicator -> indicator.code().value()).toList(),
                catalogue.reading(new Metric("students_total")).stream().map(i -> i.code().value()).toList());
        assertTrue(catalogue.reading(new Metric("students_total")).contains(Catalogue.indicator("2.3")));
        assertEquals(List.of(), catalogue.reading(new Metric("schools_equipped")));
    }

    @Test
    void the_catalogue_finds_an_indicator_by_its_code_and_nothing_by_a_malformed_one() {
        assertEquals("2.1", catalogue.find("2.1").orElseThrow().code().value());
        assertEquals(Optional.empty(), catalogue.find("9.9"));
        assertEquals(Optional.empty(), catalogue.find("Not A Code!"));
        assertEquals(Optional.empty(), catalogue.find((String) null));
    }

    @Test
    void an_indicator_defined_twice_is_refused() {
        IndicatorDefinition first = Catalogue.indicator("2.1");

        assertThrows(IllegalArgumentException.class, () -> new IndicatorCatalogue(List.of(first, first), List.of()));
    }

    @Test
    void an_indicator_whose_numerator_is_its_denominator_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> Catalogue.monthly("x.1", "x", "students_total", "students_total"));
    }

    @Test
    void the_share_pairs_include_the_school_rule_criteria() {
        assertTrue(catalogue.sharePairs().contains(new IndicatorCatalogue.SharePair(
                new Metric("teachers_with_access"), new Metric("teachers_total"))));
        assertTrue(catalogue.sharePairs().contains(new IndicatorCatalogue.SharePair(
                new Metric("schools_active_in_sferum"), new Metric("schools_in_sferum"))));
    }

    @Test
    void a_metric_name_is_snake_case() {
        assertThrows(IllegalArgumentException.class, () -> new Metric("StudentsTotal"));
        assertThrows(IllegalArgumentException.class, () -> new Metric("students total"));
        assertThrows(IllegalArgumentException.class, () -> new Metric("students__total"));
        assertEquals("teachers_3_messages_week", new Metric("teachers_3_messages_week").name());
    }

    @Test
    void a_negative_count_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> Reports.countsOf("students_total", -1));
    }
}
