package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.status.Coverage;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.trend.Direction;

class CountryBriefingTest {

    private static final Month NOVEMBER_2022 = Reports.KHABAROVSK_2022_MONTH;

    private final Fakes fakes = new Fakes();
    private final SubmitReports submitReports = fakes.submitReports();
    private final StatusQueries statuses = fakes.statusQueries();
    private final CountryBriefing country = new CountryBriefing(Catalogue.standard(), statuses, fakes.territories,
            fakes.reports);

    /** Khabarovsk's November; Krasnoyarsk more with access than students; Dagestan October only. */
    @BeforeEach
    void three_regions_report_2_1() {
        Writes.done(submitReports.submit(Reports.khabarovsk2022()));
        submit("krasnoyarsk", students(Territories.krasnoyarskKrai(), "2022-11", 130, 100));
        submit("dagestan", students(Territories.dagestan(), "2022-10", 1_000, 10_000));
    }

    @Test
    void the_country_s_figure_is_the_ratio_of_sums_over_its_consistent_regions_with_their_coverage_and_change() {
        CountryBriefing.Figure students = figure(country.of(NOVEMBER_2022), "2.1");

        assertEquals(Optional.of(new Share(11_869, 148_870)), students.actual());
        assertEquals(1, students.sum().territoriesSummed());
        assertEquals(1, students.sum().inconsistentLeftOut(), "Krasnoyarsk's 130 of 100");
        assertEquals(new Coverage(2, 3), students.regions(), "Dagestan expected, silent");
        // October's country was Dagestan's 10,00 %.
        assertEquals(Direction.DOWN, students.sincePreviousMonth().orElseThrow().direction());
    }

    @Test
    void the_briefing_names_the_silent_and_the_inconsistent_regions_and_ranks_the_others() {
        CountryBriefing.Briefing briefing = country.of(NOVEMBER_2022);

        RegionalBriefing.SilentTerritory dagestan = briefing.silent().get(0);
        assertEquals(Territories.dagestan(), dagestan.territory());
        assertTrue(dagestan.indicators().stream().anyMatch(s -> s.indicator().code().value().equals("2.1")
                && s.lastReported().equals(Optional.of(Month.of(2022, 10)))), dagestan.toString());
        assertEquals(List.of(Territories.krasnoyarskKrai()), briefing.inconsistent().stream()
                .filter(s -> s.indicator().code().value().equals("2.1")).map(s -> s.territory()).toList());
        RegionalBriefing.Children regions = briefing.regions().stream()
                .filter(c -> c.indicator().code().value().equals("2.1")).findFirst().orElseThrow();
        assertEquals(Territories.khabarovskKrai(), regions.ranking().leader().orElseThrow().territory());
        assertEquals(3, regions.ranking().ranked().size(), "every expected region, placed or not");
        assertEquals(1, regions.ranking().placed());
    }

    private void submit(String key, tsos.monitor.domain.report.SubmittedReport row) {
        Writes.done(submitReports.submit(Reports.batch(key, row)));
    }

    private static tsos.monitor.domain.report.SubmittedReport students(Territory region, String period,
                                                                       long withAccess, long total) {
        return Reports.row(region, period, Reports.counts("students_with_access", withAccess, "students_total", total));
    }

    private static CountryBriefing.Figure figure(CountryBriefing.Briefing briefing, String indicator) {
        return briefing.headline().stream().filter(f -> f.indicator().code().value().equals(indicator)).findFirst()
                .orElseThrow();
    }
}
