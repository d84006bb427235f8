package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.MonthlyPlanEntry;
import tsos.monitor.api.v1.MunicipalityRanking;
import tsos.monitor.api.v1.MunicipalityRegistration;
import tsos.monitor.api.v1.Percent;
import tsos.monitor.api.v1.RankedStatus;
import tsos.monitor.api.v1.RankingRequest;
import tsos.monitor.api.v1.SetMonthlyPlansRequest;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.RegisterTerritoriesRequest;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.TerritoryReport;
import tsos.monitor.application.OutlookReadModel;
import tsos.monitor.application.ReadModelKeeping;
import tsos.monitor.application.StatusReadModel;

/**
 * What /metrics exports, through the real channel and the real PostgreSQL: every region read on its own, the
 * series of an indicator kept by a partial report. Each test has regions of its own (75, 79, 86, 87).
 */
class MetricsCoverageTest {

    @RegisterExtension
    static final RunningService running = new RunningService();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_region_whose_data_cannot_be_read_leaves_the_others_gauges_intact_and_is_counted() throws Exception {
        register("75", "chita", "Чита");
        register("79", "birobidzhan", "Биробиджан");
        submit("isolation-75", report("75", "chita", "2024-03", "schools_using_platform", 30, "schools_total", 60));
        submit("isolation-79", report("79", "birobidzhan", "2024-03", "schools_using_platform", 10, "schools_total", 40));
        refreshAll();
        String before = metrics();
        assertEquals(Optional.of(10.0), value(before, "tsos_indicator_numerator", "79", "birobidzhan", "2.3"));
        try {
            // A territory code no reader can represent (a '/' inside a part), as no sender could have stored it.
            sql("insert into data_month (region, municipality, metric, plan_month, latest_period_end, last_received,"
                    + " first_received) values ('79', 'birobidzhan/unreadable', 'schools_total', '2024-04-01',"
                    + " '2024-04-30', now(), now())");
            submit("isolation-75-april",
                    report("75", "chita", "2024-04", "schools_using_platform", 45, "schools_total", 60));
            refreshAll();
            String after = metrics();
            assertEquals(Optional.of(45.0), value(after, "tsos_indicator_numerator", "75", "chita", "2.3"),
                    "the readable region refreshed");
            assertEquals(Optional.of(10.0), value(after, "tsos_indicator_numerator", "79", "birobidzhan", "2.3"),
                    "the unreadable region keeps its last gauges");
            assertTrue(after.lines().anyMatch(line -> line.matches("tsos_read_model_failures_total\\{region=\"79\"} [1-9].*")),
                    "the failure is counted by region: " + after);
            assertTrue(after.lines().noneMatch(line -> line.startsWith("tsos_read_model_failures_total{region=\"75\"}")),
                    "the readable region has no failure");
        } finally {
            sql("delete from data_month where region = '79' and municipality = 'birobidzhan/unreadable'");
        }
    }

    @Test
    void a_partial_report_keeps_the_indicator_s_series_with_each_count_s_latest_value() throws Exception {
        register("86", "surgut", "Сургут");
        submit("partial-86-april", report("86", "surgut", "2024-04", "schools_active_in_sferum", 300,
                "schools_in_sferum", 618));
        submit("partial-86-may", report("86", "surgut", "2024-05", "schools_in_sferum", 620));
        refreshAll();
        String exposition = metrics();
        for (String municipality : List.of("surgut", "")) {
            assertEquals(Optional.of(300.0), value(exposition, "tsos_indicator_numerator", "86", municipality,
                    "sferum.schools_active"), "April's count of active schools, the latest sent");
            assertEquals(Optional.of(620.0), value(exposition, "tsos_indicator_denominator", "86", municipality,
                    "sferum.schools_active"), "May's count of schools in Sferum");
            assertEquals(Optional.of((double) java.time.LocalDate.of(2024, 6, 1).atStartOfDay()
                            .toEpochSecond(java.time.ZoneOffset.UTC)),
                    value(exposition, "tsos_indicator_period_end_timestamp_seconds", "86", municipality,
                            "sferum.schools_active"), "the current period is May, the latest with its data");
        }
    }

    /**
     * Камчатка (41), a weekly indicator: both municipalities send ISO week 38 of 2024 whole; in week 39
     * Петропавловск sends only its schools in Sferum (23–25.09) and Елизово nothing. The current period is week 39,
     * not September: Елизово is silent in it.
     */
    @Test
    void a_weekly_indicator_s_gauges_are_of_the_region_s_latest_iso_week() throws Exception {
        register("41", "petropavlovsk", "Петропавловск-Камчатский");
        register("41", "elizovo", "Елизово");
        submit("weekly-41-w38", report("41", "petropavlovsk", "2024-W38", "schools_active_in_sferum", 10,
                "schools_in_sferum", 20), report("41", "elizovo", "2024-W38", "schools_active_in_sferum", 5,
                "schools_in_sferum", 20));
        submit("weekly-41-w39", report("41", "petropavlovsk", "2024-09-23/2024-09-25", "schools_in_sferum", 25));
        refreshAll();
        String exposition = metrics();

        String indicator = "sferum.schools_active";
        assertEquals(Optional.of(10.0), value(exposition, "tsos_indicator_numerator", "41", "petropavlovsk",
                indicator), "week 38's active schools: a later partial report hides nothing");
        assertEquals(Optional.of(25.0), value(exposition, "tsos_indicator_denominator", "41", "petropavlovsk",
                indicator));
        assertEquals(Optional.of(0.0), value(exposition, "tsos_indicator_reported", "41", "elizovo", indicator),
                "silent in week 39, though it reported in September");
        assertEquals(Optional.of(1.0), value(exposition, "tsos_indicator_reported_children", "41", "", indicator));
        assertEquals(Optional.of((double) java.time.LocalDate.of(2024, 9, 30).atStartOfDay()
                        .toEpochSecond(java.time.ZoneOffset.UTC)),
                value(exposition, "tsos_indicator_current_period_end_timestamp_seconds", "41", "elizovo", indicator),
                "week 39 is owed to its Sunday, 29.09");
        assertEquals(Optional.of(1.0), value(exposition, "tsos_indicator_rank", "41", "petropavlovsk", indicator));

        String server = "127.0.0.1:" + running.runtime().grpcPort();
        List<String> silentInWeek = TsosCommandLineTest.tsos("silent", "--server", server, "--region", "41",
                "--week", "2024-W39", "--format", "tsv").out().lines().toList();
        assertTrue(silentInWeek.contains("41/elizovo\tЕлизово\tsferum.schools_active\t2024-W38"),
                "silent in week 39, last reported in week 38: " + silentInWeek);
        assertTrue(silentInWeek.stream().noneMatch(line -> line.startsWith("41/petropavlovsk\t")
                && line.contains("\tsferum.schools_active\t")), silentInWeek.toString());
        List<String> silentInMonth = TsosCommandLineTest.tsos("silent", "--server", server, "--region", "41",
                "--month", "2024-09", "--format", "tsv").out().lines().toList();
        assertTrue(silentInMonth.stream().noneMatch(line -> line.contains("\tsferum.schools_active\t")),
                "both reported in September: " + silentInMonth);
    }

    /**
     * Чукотка (87): three registered municipalities; Анадырь and Билибино send the schools of May, Певек nothing;
     * for 2.2 Анадырь sends May and Билибино only April; 2.1 has the region's plan and no data anywhere.
     */
    @Test
    void a_silent_municipality_is_expected_counted_and_exported_and_rankings_are_of_one_month() throws Exception {
        register("87", "anadyr", "Анадырь");
        register("87", "bilibino", "Билибино");
        register("87", "pevek", "Певек");
        PlanningGrpc.newBlockingStub(running.admin()).setMonthlyPlans(SetMonthlyPlansRequest.newBuilder()
                .addPlans(MonthlyPlanEntry.newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("87"))
                        .setIndicator("2.1").setYear(2024).putMonths(5, Percent.newBuilder().setHundredths(1000).build()))
                .build());
        submit("coverage-87", report("87", "anadyr", "2024-05", "schools_using_platform", 30, "schools_total", 60,
                        "teachers_using_platform", 50, "teachers_total", 100),
                report("87", "bilibino", "2024-05", "schools_using_platform", 20, "schools_total", 60),
                report("87", "bilibino", "2024-04", "teachers_using_platform", 90, "teachers_total", 100));
        refreshAll();

        IndicatorStatus region = IndicatorStatusesGrpc.newBlockingStub(running.admin()).getStatus(GetStatusRequest.newBuilder()
                .setTerritory(TerritoryRef.newBuilder().setRegion("87")).setIndicator("2.3").setMonth("2024-05")
                .build());
        assertEquals(2, region.getReportedChildren());
        assertEquals(3, region.getExpectedChildren(), "Певек is registered and expected");
        TsosCommandLineTest.Run table = TsosCommandLineTest.tsos("status", "--server", "127.0.0.1:" + running.runtime().grpcPort(),
                "--region", "87", "--indicator", "2.3", "--month", "2024-05");
        assertTrue(table.out().contains("over 2 of 3 municipalities"), table.out() + table.err());

        String exposition = metrics();
        assertEquals(Optional.of(0.0), value(exposition, "tsos_indicator_reported", "87", "pevek", "2.3"),
                "the silent municipality is on /metrics");
        assertEquals(Optional.empty(), value(exposition, "tsos_indicator_period_end_timestamp_seconds", "87", "pevek",
                "2.3"), "it never reported");
        assertEquals(Optional.of(1.0), value(exposition, "tsos_indicator_reported", "87", "anadyr", "2.3"));
        assertEquals(Optional.of(2.0), value(exposition, "tsos_indicator_reported_children", "87", "", "2.3"));
        assertEquals(Optional.of(3.0), value(exposition, "tsos_indicator_expected_children", "87", "", "2.3"));
        assertEquals(Optional.of(0.1), value(exposition, "tsos_indicator_plan_ratio", "87", "", "2.1"),
                "a plan with no data is exported");
        assertEquals(Optional.of(0.0), value(exposition, "tsos_indicator_reported", "87", "pevek", "2.1"));

        MunicipalityRanking ranking = IndicatorStatusesGrpc.newBlockingStub(running.admin()).rankMunicipalities(
                RankingRequest.newBuilder().setRegion("87").setIndicator("2.2").setMonth("2024-05").build());
        for (RankedStatus ranked : ranking.getMunicipalitiesList()) {
            String municipality = ranked.getStatus().getTerritory().getMunicipality();
            assertEquals(ranked.getPlace() == 0 ? Optional.empty() : Optional.of((double) ranked.getPlace()),
                    value(exposition, "tsos_indicator_rank", "87", municipality, "2.2"),
                    municipality + ": the gauge ranks May, as the API does, not Билибино's April");
        }
        assertEquals(Optional.of(1.0), value(exposition, "tsos_indicator_rank", "87", "anadyr", "2.2"));
        assertEquals(Optional.of(0.0), value(exposition, "tsos_indicator_reported", "87", "bilibino", "2.2"),
                "Билибино reported April, not the region's current May");

        String server = "127.0.0.1:" + running.runtime().grpcPort();
        List<String> silent = TsosCommandLineTest.tsos("silent", "--server", server, "--region", "87", "--month",
                "2024-05", "--format", "tsv").out().lines().toList();
        assertEquals("territory\tterritory_name\tindicator\tlast_period", silent.get(0));
        assertTrue(silent.contains("87/pevek\tПевек\t2.3\t"), "Певек is named, never reported: " + silent);
        assertTrue(silent.contains("87/bilibino\tБилибино\t2.2\t2024-04"), "Билибино last reported April: " + silent);
        assertTrue(silent.contains("87\tЧукотский автономный округ\t2.1\t"), "the plan with no data: " + silent);
        assertTrue(silent.stream().noneMatch(line -> line.startsWith("87/anadyr\tАнадырь\t2.3")), silent.toString());
        assertTrue(silent.stream().noneMatch(line -> line.contains("\tmm.10\t")),
                "an indicator whose denominator alone was sent (for another) is nobody's to report: " + silent);

        String json = TsosCommandLineTest.tsos("silent", "--server", server, "--region", "87", "--month", "2024-05",
                "--format", "json").out();
        JsonNode report = new ObjectMapper().readTree(json);
        assertTrue(contains(report.get("silent"), "{\"territory\": \"87/pevek\", \"territory_name\": \"Певек\", "
                + "\"indicator\": \"2.3\", \"last_period\": null}"), json);
        assertTrue(contains(report.get("completeness"), "{\"territory\": \"87\", \"territory_name\": "
                + "\"Чукотский автономный округ\", \"expected\": 9, \"received\": 3, \"on_time\": 0, "
                + "\"received_percent\": 33.33, \"on_time_percent\": 0.00}"),
                "received in 2026, long past May's deadline: " + json);
        String generous = TsosCommandLineTest.tsos("silent", "--server", server, "--region", "87", "--month",
                "2024-05", "--deadline-days", "36500").out();
        assertTrue(generous.contains("87/bilibino Билибино") && generous.contains("1 of 3 = 33.33 %, on time 1 = 33.33 %"),
                generous);
    }

    @Test
    void the_read_model_is_idle_only_once_the_region_of_a_stored_batch_is_refreshed() throws Exception {
        ReadModelKeeping keeping = running.runtime().context().getBean(ReadModelKeeping.class);
        register("49", "magadan", "Магадан");
        submit("keeping-49", report("49", "magadan", "2024-07", "schools_using_platform", 12, "schools_total", 24));
        assertFalse(keeping.idle(), "the region's refresh waits for the batches to pause");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!keeping.idle() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(keeping.idle(), "idle within a minute");
        assertEquals(Optional.of(12.0), value(metrics(), "tsos_indicator_numerator", "49", "magadan", "2.3"),
                "the gauges follow the batch once idle, with no refresh of everything");
    }

    /**
     * Нарьян-Мар (83): 10 of 40 schools in October, 14 in November, against the region's plan of 50 % in December:
     * up 10 pp, 45 % projected, 15 pp a month and 6 more schools needed. The region's row is the same figures. Its
     * teachers (2.2) fell from 50 % to 40 %, with no plan.
     */
    @Test
    void change_and_forecast_gauges_say_how_far_a_territory_is_from_its_year_target() throws Exception {
        register("83", "naryan-mar", "Нарьян-Мар");
        PlanningGrpc.newBlockingStub(running.admin()).setMonthlyPlans(SetMonthlyPlansRequest.newBuilder()
                .addPlans(MonthlyPlanEntry.newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("83"))
                        .setIndicator("2.3").setYear(2024)
                        .putMonths(12, Percent.newBuilder().setHundredths(5000).build()))
                .build());
        submit("outlook-83", report("83", "naryan-mar", "2024-10", "schools_using_platform", 10, "schools_total", 40,
                        "teachers_using_platform", 50, "teachers_total", 100),
                report("83", "naryan-mar", "2024-11", "schools_using_platform", 14, "schools_total", 40,
                        "teachers_using_platform", 40, "teachers_total", 100));
        refreshAll();

        String exposition = metrics();
        for (String municipality : List.of("naryan-mar", "")) {
            assertEquals(Optional.of(10.0), value(exposition, "tsos_indicator_change_pp", "83", municipality, "2.3"));
            assertEquals(Optional.of(40.0), value(exposition, "tsos_indicator_numerator_change_percent", "83",
                    municipality, "2.3"));
            assertEquals(Optional.of(1.0), value(exposition, "tsos_indicator_change_direction", "83", municipality,
                    "2.3"), "up");
            assertEquals(Optional.of(45.0), value(exposition, "tsos_indicator_forecast_percent", "83", municipality,
                    "2.3"));
            assertEquals(Optional.of(50.0), value(exposition, "tsos_indicator_year_target_percent", "83",
                    municipality, "2.3"));
            assertEquals(Optional.of(15.0), value(exposition, "tsos_indicator_required_pp_per_month", "83",
                    municipality, "2.3"));
            assertEquals(Optional.of(6.0), value(exposition, "tsos_indicator_needed", "83", municipality, "2.3"));
            assertEquals(Optional.of(1.0), value(exposition, "tsos_indicator_forecast_state", "83", municipality,
                    "2.3"), "OFF_TRACK");
        }
        assertEquals(Optional.of(-1.0), value(exposition, "tsos_indicator_change_direction", "83", "naryan-mar",
                "2.2"), "down");
        assertEquals(Optional.empty(), value(exposition, "tsos_indicator_forecast_state", "83", "naryan-mar", "2.2"),
                "no year target for 2.2: no forecast series");
        assertTrue(exposition.contains("tsos_indicator_definition_info{denominator=\"schools_total\",indicator=\"2.3\","
                + "numerator=\"schools_using_platform\"} 1.0"), "what the numerator counts");
    }

    static void refreshAll() {
        running.runtime().context().getBean(StatusReadModel.class).refreshAll();
        running.runtime().context().getBean(OutlookReadModel.class).refreshAll();
    }

    /** The value of one series in the exposition, when it is there. */
    static Optional<Double> value(String exposition, String metric, String region, String municipality,
                                  String indicator) {
        String labels = "indicator=\"" + indicator + "\",municipality=\"" + municipality + "\",";
        String ofRegion = ",region=\"" + region + "\",";
        return exposition.lines()
                .filter(line -> line.startsWith(metric + "{" + labels) && line.contains(ofRegion))
                .map(line -> Double.valueOf(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    static void register(String region, String code, String name) {
        PlanningGrpc.newBlockingStub(running.admin()).registerTerritories(RegisterTerritoriesRequest.newBuilder()
                .addMunicipalities(MunicipalityRegistration.newBuilder().setRegion(region).setCode(code).setName(name))
                .build());
    }

    @Test
    void a_restarted_service_answers_metrics_complete_or_not_at_all() throws Exception {
        register("89", "salekhard", "Салехард");
        submit("restart-89", report("89", "salekhard", "2024-06", "schools_active_in_sferum", 31,
                "schools_in_sferum", 62));
        refreshAll();
        long before = indicatorSeries(metrics());
        try (ServiceRuntime restarted = SharedDatabase.service(running.files().resolve("restarted"))) {
            URI scrape = URI.create("http://127.0.0.1:" + restarted.metricsPort() + "/metrics");
            List<Integer> codes = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            HttpResponse<String> answer;
            do {
                answer = HTTP.send(HttpRequest.newBuilder(scrape).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                codes.add(answer.statusCode());
            } while (answer.statusCode() == 503 && System.nanoTime() < deadline);
            assertEquals(200, answer.statusCode(), "answers once loaded: " + codes);
            assertEquals(before, indicatorSeries(answer.body()),
                    "the first answer after the start is the whole read model, never part of it; answers " + codes);
        }
    }

    private static long indicatorSeries(String exposition) {
        return exposition.lines().filter(line -> line.startsWith("tsos_indicator_")).count();
    }

    static void submit(String key, TerritoryReport... reports) {
        ReportIngestionGrpc.newBlockingStub(running.admin()).submitReports(SubmitReportsRequest.newBuilder()
                .setIdempotencyKey(key).addAllReports(List.of(reports)).build());
    }

    static TerritoryReport report(String region, String municipality, String period, Object... counts) {
        TerritoryReport.Builder report = TerritoryReport.newBuilder().setTerritory(TerritoryRef.newBuilder()
                .setRegion(region).setMunicipality(municipality)).setPeriod(period);
        for (int i = 0; i < counts.length; i += 2) {
            report.putCounts((String) counts[i], ((Number) counts[i + 1]).longValue());
        }
        return report.build();
    }

    static String metrics() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.runtime().metricsPort() + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(running.runtime().jdbcUrl(), running.runtime().databaseUser(),
                running.runtime().databasePassword())) {
            connection.createStatement().execute(statement);
        }
    }

    private static boolean contains(JsonNode entries, String expected) throws IOException {
        JsonNode wanted = new ObjectMapper().readTree(expected);
        for (JsonNode entry : entries) {
            if (entry.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
