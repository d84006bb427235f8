package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.MunicipalityRanking;
import tsos.monitor.api.v1.MunicipalityRegistration;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.RankedStatus;
import tsos.monitor.api.v1.RankingRequest;
import tsos.monitor.api.v1.RegisterTerritoriesRequest;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SchoolRegistration;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.TerritoryReport;

/**
 * Schools and regions ranked like municipalities, through the real channel: Нарьян-Мар's three schools (one
 * silent) and the regions of the country, in March 2019, a month no other test reports (regions 83 and 86).
 */
class LevelsOverGrpcTest {

    @RegisterExtension
    static final RunningService running = new RunningService();

    @BeforeAll
    static void start() {
        PlanningGrpc.newBlockingStub(running.admin()).registerTerritories(RegisterTerritoriesRequest.newBuilder()
                .addMunicipalities(MunicipalityRegistration.newBuilder().setRegion("83").setCode("naryan-mar")
                        .setName("Нарьян-Мар"))
                .addSchools(school("s1", "Школа № 1")).addSchools(school("s2", "Школа № 2"))
                .addSchools(school("s3", "Школа № 3"))
                .build());
        ReportIngestionGrpc.newBlockingStub(running.admin()).submitReports(SubmitReportsRequest.newBuilder()
                .setIdempotencyKey("levels-2019-03")
                .addReports(students(TerritoryRef.newBuilder().setRegion("83").setMunicipality("naryan-mar")
                        .setSchool("s1"), 50))
                .addReports(students(TerritoryRef.newBuilder().setRegion("83").setMunicipality("naryan-mar")
                        .setSchool("s2"), 80))
                .addReports(students(TerritoryRef.newBuilder().setRegion("86"), 90))
                .build());
    }

    @Test
    void a_municipality_s_schools_are_ranked_with_the_silent_one_last_and_unplaced() {
        MunicipalityRanking ranking = rank(RankingRequest.newBuilder().setRegion("83").setMunicipality("Нарьян-Мар"));

        assertEquals(List.of("s2:1", "s1:2", "s3:0"), placesOf(ranking, "school"));
        assertTrue(ranking.getMunicipalities(0).getLeader() && ranking.getMunicipalities(1).getOutsider());
    }

    @Test
    void the_api_marks_the_school_card_s_you_among_the_ranked_schools() {
        MunicipalityRanking ranking = rank(RankingRequest.newBuilder().setRegion("83").setMunicipality("Нарьян-Мар")
                .setYou("s1"));

        assertEquals(List.of(false, true, false), ranking.getMunicipalitiesList().stream()
                .map(RankedStatus::getYou).toList(), "s2 leads, s1 is you and the outsider, s3 has no data");
    }

    @Test
    void the_regions_of_the_country_are_ranked_each_by_its_own_figure_or_its_ratio_of_sums() {
        MunicipalityRanking ranking = rank(RankingRequest.newBuilder().setCountry(true));

        assertEquals(List.of("86:1", "83:2"), placesOf(ranking, "region").subList(0, 2));
        assertEquals(130, ranking.getMunicipalities(1).getStatus().getNumerator(), "Нарьян-Мар's two schools summed");
        assertTrue(ranking.getMunicipalitiesCount() > 80, "every region is listed, those without data unplaced");
    }

    @Test
    void the_command_line_ranks_the_country_and_a_municipality_s_schools_and_shows_a_school() {
        String server = "127.0.0.1:" + running.runtime().grpcPort();
        String country = TsosCommandLineTest.tsos("rank", "--server", server, "--country", "--indicator", "2.1",
                "--month", "2019-03").out();
        assertTrue(country.lines().findFirst().orElse("").contains("86 "), country);
        String schools = TsosCommandLineTest.tsos("rank", "--server", server, "--region", "83", "--municipality",
                "naryan-mar", "--indicator", "2.1", "--month", "2019-03", "--you", "s1").out();
        assertTrue(schools.lines().anyMatch(line -> line.contains("83/naryan-mar/s2") && line.endsWith("← leader")),
                schools);
        assertTrue(schools.lines().anyMatch(line -> line.contains("83/naryan-mar/s1")
                && line.endsWith("← outsider  ← you")), "the school card: " + schools);
        String school = TsosCommandLineTest.tsos("status", "--server", server, "--region", "83", "--municipality",
                "naryan-mar", "--school", "s1", "--indicator", "2.1", "--month", "2019-03", "--format", "tsv").out();
        assertTrue(school.contains("83/naryan-mar/s1\t2.1\t50\t100\t50.00"), school);
    }

    private static MunicipalityRanking rank(RankingRequest.Builder request) {
        return IndicatorStatusesGrpc.newBlockingStub(running.admin()).rankMunicipalities(request.setIndicator("2.1")
                .setMonth("2019-03").build());
    }

    private static List<String> placesOf(MunicipalityRanking ranking, String level) {
        return ranking.getMunicipalitiesList().stream().map(ranked -> code(ranked, level) + ":" + ranked.getPlace())
                .toList();
    }

    private static String code(RankedStatus ranked, String level) {
        TerritoryRef territory = ranked.getStatus().getTerritory();
        return level.equals("school") ? territory.getSchool() : territory.getRegion();
    }

    private static SchoolRegistration.Builder school(String code, String name) {
        return SchoolRegistration.newBuilder().setRegion("83").setMunicipality("naryan-mar").setCode(code)
                .setName(name);
    }

    private static TerritoryReport.Builder students(TerritoryRef.Builder territory, long withAccess) {
        return TerritoryReport.newBuilder().setTerritory(territory).setPeriod("2019-03")
                .putCounts("students_with_access", withAccess).putCounts("students_total", 100);
    }
}
