package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.api.v1.Direction;
import tsos.monitor.api.v1.ForecastRequest;
import tsos.monitor.api.v1.ForecastState;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.ListStatusesRequest;
import tsos.monitor.api.v1.TerritoryForecast;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.YearOutlookGrpc;
import tsos.monitor.api.v1.YearPlanRequest;
import tsos.monitor.service.TsosCommandLineTest.Run;

/**
 * The year read back and forecast, through the command line and a real channel, on the Krasnoyarsk 2024 plans of
 * the demo (2.1 from 48.00 % in January to 50.00 % in December) with three months of actuals: the region heading
 * past its target, Емельяновский район (no plan of its own: the region's applies) heading below it.
 */
class YearOutlookCommandLineTest {

    @TempDir
    static Path data;

    private static ServiceRuntime service;
    private static String server;

    @BeforeAll
    static void startAServiceOfItsOwnWithKrasnoyarsk2024() throws IOException {
        // A database of its own: region 24 is also loaded by other tests of the shared one.
        service = ServiceRuntime.start(new ServiceRuntime.Settings(data, 0, 0), Optional.empty());
        server = "127.0.0.1:" + service.grpcPort();
        String token = Tokens.admin(service);
        Path territories = data.resolve("territories-24.tsv");
        Files.writeString(territories, """
                region\tmunicipality_code\tmunicipality_name
                24\temelyanovsky\tЕмельяновский район
                """);
        Path actuals = data.resolve("reports-24-2024.tsv");
        Files.writeString(actuals, """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                24\t\t2024-01\t4700\t10000
                24\t\t2024-02\t4750\t10000
                24\t\t2024-03\t4800\t10000
                24\temelyanovsky\t2024-01\t300\t1000
                24\temelyanovsky\t2024-02\t305\t1000
                24\temelyanovsky\t2024-03\t310\t1000
                """);
        Run loaded = TsosCommandLineTest.tsos("load", "--server", server, "--token", token, territories.toString(),
                demoTable("plans-24-krasnoyarsk-2024.tsv").toString(), actuals.toString());
        assertEquals(0, loaded.exitCode(), loaded.err());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Run tsos(String... args) {
        String[] withServer = new String[args.length + 2];
        System.arraycopy(args, 0, withServer, 0, args.length);
        withServer[args.length] = "--server";
        withServer[args.length + 1] = server;
        return TsosCommandLineTest.tsos(withServer);
    }

    @Test
    void the_year_plan_reads_back_as_json_with_the_actual_beside_each_month() {
        Run run = tsos("plan", "--region", "24", "--year", "2024", "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode rows = json(run.out());
        assertEquals(36, rows.size(), "2.1, 2.2 and 2.3, twelve months each: " + run.out());
        assertTrue(contains(rows, "{\"territory\": \"24\", \"indicator\": \"2.1\", \"month\": \"2024-01\", "
                + "\"plan_percent\": 48.00, \"quota\": null, \"plan_source\": \"own\", \"numerator\": 4700, "
                + "\"denominator\": 10000, \"actual_percent\": 47.00, \"state\": \"BELOW_PLAN\"}"), run.out());
        assertTrue(contains(rows, "{\"territory\": \"24\", \"indicator\": \"2.1\", \"month\": \"2024-12\", "
                + "\"plan_percent\": 50.00, \"quota\": null, \"plan_source\": \"own\", \"numerator\": null, "
                + "\"denominator\": null, \"actual_percent\": null, \"state\": \"NO_DATA\"}"), run.out());
        assertTrue(StreamSupport.stream(rows.spliterator(), false).anyMatch(row -> row.get("indicator").asText()
                .equals("2.3") && row.get("month").asText().equals("2024-06")
                && row.get("plan_percent").decimalValue().compareTo(new BigDecimal("32.00")) == 0), run.out());
    }

    @Test
    void a_municipality_s_year_plan_is_its_region_s_and_says_so_in_tsv_and_table() {
        Run tsv = tsos("plan", "--region", "24", "--municipality", "Емельяновский район", "--year", "2024",
                "--format", "tsv");

        assertEquals(0, tsv.exitCode(), tsv.err());
        List<String> lines = tsv.out().lines().toList();
        assertEquals("territory\tindicator\tmonth\tplan_percent\tquota\tplan_source\tnumerator\tdenominator"
                + "\tactual_percent\tstate", lines.get(0));
        assertTrue(lines.contains("24/emelyanovsky\t2.1\t2024-03\t48.50\t\tregion\t310\t1000\t31.00\tBELOW_PLAN"),
                tsv.out());
        assertTrue(lines.contains("24/emelyanovsky\t2.2\t2024-11\t80.50\t\tregion\t\t\t\tNO_DATA"), tsv.out());

        Run table = tsos("plan", "--region", "24", "--municipality", "emelyanovsky", "--year", "2024");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().lines().anyMatch(line -> line.matches(
                "24/emelyanovsky\\s+2\\.1\\s+2024-02\\s+48\\.25\\s+region\\s+305\\s+1000\\s+30\\.50\\s+BELOW_PLAN")),
                table.out());
    }

    @Test
    void the_forecast_lists_the_region_on_track_and_its_municipality_off_track_in_every_format() {
        Run tsv = tsos("forecast", "--region", "24", "--indicator", "2.1", "--month", "2024-03", "--format", "tsv");

        assertEquals(0, tsv.exitCode(), tsv.err());
        // Half a point a month: the region reaches 52.50 % by December, the district 35.50 % of its 50.00.
        assertEquals(List.of("territory\tterritory_name\tindicator\tmonth\tactual_percent\tforecast_percent"
                        + "\tyear_target_percent\trequired_pp_per_month\tneeded\tstate",
                "24\tКрасноярский край\t2.1\t2024-03\t48.00\t52.50\t50.00\t0.22\t200\tON_TRACK",
                "24/emelyanovsky\tЕмельяновский район\t2.1\t2024-03\t31.00\t35.50\t50.00\t2.11\t190\tOFF_TRACK"),
                tsv.out().lines().toList());

        Run json = tsos("forecast", "--region", "24", "--indicator", "2.1", "--month", "2024-03", "--format", "json");
        assertTrue(contains(json(json.out()), "{\"territory\": \"24/emelyanovsky\", \"territory_name\": "
                + "\"Емельяновский район\", \"indicator\": \"2.1\", \"month\": \"2024-03\", \"actual_percent\": 31.00, "
                + "\"forecast_percent\": 35.50, \"year_target_percent\": 50.00, \"required_pp_per_month\": 2.11, "
                + "\"needed\": 190, \"state\": \"OFF_TRACK\"}"), json.out());

        Run table = tsos("forecast", "--region", "24", "--indicator", "2.1", "--month", "2024-03");
        assertTrue(table.out().lines().anyMatch(line -> line.matches(
                "24/emelyanovsky\\s+Емельяновский район\\s+2\\.1\\s+2024-03\\s+31\\.00\\s+35\\.50\\s+50\\.00\\s+2\\.11"
                        + "\\s+190\\s+OFF_TRACK")), table.out());
    }

    @Test
    void an_indicator_without_a_plan_has_no_target_and_one_without_data_none() {
        Run run = tsos("forecast", "--region", "24", "--indicator", "2.2", "--month", "2024-03", "--format", "tsv");
        assertEquals(2, run.out().lines().skip(1).filter(line -> line.endsWith("\t81.00\t\t\tNO_DATA")).count(),
                run.out());

        Run unplanned = tsos("forecast", "--region", "24", "--indicator", "sferum.teachers_registered", "--month",
                "2024-03", "--format", "tsv");
        assertTrue(unplanned.out().lines().skip(1).allMatch(line -> line.endsWith("NO_TARGET")), unplanned.out());
    }

    @Test
    void the_api_answers_the_same_and_names_what_it_cannot_find() {
        ManagedChannel channel = service.channel();
        try {
            var stub = YearOutlookGrpc.newBlockingStub((Channel) channel);
            List<TerritoryForecast> forecasts = stub.listForecasts(ForecastRequest.newBuilder().setRegion("24")
                    .setIndicator("2.1").setMonth("2024-03").build()).getForecastsList();
            assertEquals(ForecastState.FORECAST_ON_TRACK, forecasts.get(0).getState());
            assertEquals(5250, forecasts.get(0).getForecast().getHundredths());
            assertEquals(190, forecasts.get(1).getNeeded());

            StatusRuntimeException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                    StatusRuntimeException.class, () -> stub.getYearPlan(YearPlanRequest.newBuilder()
                            .setTerritory(TerritoryRef.newBuilder().setRegion("24").setMunicipality("nowhere"))
                            .setYear(2024).build()));
            assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
            StatusRuntimeException badMonth = org.junit.jupiter.api.Assertions.assertThrows(
                    StatusRuntimeException.class, () -> stub.listForecasts(ForecastRequest.newBuilder()
                            .setRegion("24").setIndicator("2.1").setMonth("2024-13").build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, badMonth.getStatus().getCode());
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void a_month_s_status_says_how_it_moved_since_the_month_before() {
        ManagedChannel channel = service.channel();
        try {
            var stub = IndicatorStatusesGrpc.newBlockingStub((Channel) channel);
            IndicatorStatus march = stub.getStatus(GetStatusRequest.newBuilder()
                    .setTerritory(TerritoryRef.newBuilder().setRegion("24")).setIndicator("2.1").setMonth("2024-03")
                    .build());
            // 47.50 % → 48.00 %: half a point; 4,750 → 4,800 students: 1.05 %, printed 1.1 %.
            assertEquals(50, march.getChangePp().getHundredths());
            assertEquals(110, march.getNumeratorChangePercent().getHundredths());
            assertEquals(Direction.UP, march.getDirection());

            IndicatorStatus january = stub.listStatuses(ListStatusesRequest.newBuilder()
                    .setTerritory(TerritoryRef.newBuilder().setRegion("24").setMunicipality("emelyanovsky"))
                    .setMonth("2024-01").build()).getStatusesList().stream()
                    .filter(status -> status.getIndicator().equals("2.1")).findFirst().orElseThrow();
            assertEquals(Direction.DIRECTION_UNSPECIFIED, january.getDirection(), "no December 2023 to compare");
            assertFalse(january.hasChangePp());
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void tsos_status_prints_the_change_since_the_month_before_as_json_and_in_the_table() {
        Run json = tsos("status", "--region", "24", "--indicator", "2.1", "--month", "2024-03", "--format", "json");
        JsonNode region = json(json.out()).get(0);
        assertEquals("BELOW_PLAN", region.get("state").asText(), json.out() + json.err());
        assertTrue(sameValues(json("0.50"), region.get("change_pp")), json.out());
        assertTrue(sameValues(json("1.10"), region.get("numerator_change_percent")), json.out());
        assertEquals("UP", region.get("direction").asText(), json.out());

        Run table = tsos("status", "--region", "24", "--municipality", "emelyanovsky", "--indicator", "2.1",
                "--month", "2024-02");
        assertTrue(table.out().contains("BELOW_PLAN  ↑ +0.50 pp, count +1.70 %"), table.out() + table.err());

        Run first = tsos("status", "--region", "24", "--indicator", "2.1", "--month", "2024-01", "--format", "json");
        JsonNode january = json(first.out()).get(0);
        assertTrue(january.get("change_pp").isNull() && january.get("numerator_change_percent").isNull()
                && january.get("direction").isNull(), first.out());
    }

    @Test
    void tsv_carries_the_change_columns_empty_without_a_month_before() {
        Run march = tsos("status", "--region", "24", "--indicator", "2.1", "--month", "2024-03", "--format", "tsv");
        List<String> lines = march.out().lines().toList();
        assertTrue(lines.get(0).endsWith("\texpected_children\tchange_pp\tnumerator_change_percent\tdirection"),
                march.out() + march.err());
        assertTrue(lines.get(1).startsWith("24\t2.1\t4800\t10000\t48.00\t") && lines.get(1).endsWith("\t0.50\t1.10\tUP"),
                march.out());

        Run january = tsos("status", "--region", "24", "--indicator", "2.1", "--month", "2024-01", "--format", "tsv");
        assertTrue(january.out().lines().toList().get(1).endsWith("\t\t\t"), january.out());
    }

    @Test
    void a_ranking_gives_each_municipality_its_change_since_the_month_before_in_every_format() {
        // Емельяновский район: 305 → 310 of 1,000, 30.50 % → 31.00 %; 5 more of 305 is 1.64 %, printed 1.6 %.
        Run json = tsos("rank", "--region", "24", "--indicator", "2.1", "--month", "2024-03", "--format", "json");
        JsonNode emelyanovsky = json(json.out()).get(0);
        assertEquals("24/emelyanovsky", emelyanovsky.get("territory").asText(), json.out() + json.err());
        assertTrue(sameValues(json("0.50"), emelyanovsky.get("change_pp")), json.out());
        assertTrue(sameValues(json("1.60"), emelyanovsky.get("numerator_change_percent")), json.out());
        assertEquals("UP", emelyanovsky.get("direction").asText(), json.out());

        Run tsv = tsos("rank", "--region", "24", "--indicator", "2.1", "--month", "2024-03", "--format", "tsv");
        List<String> lines = tsv.out().lines().toList();
        assertTrue(lines.get(0).endsWith("\tchange_pp\tnumerator_change_percent\tdirection\tplace\tmark"), tsv.out());
        assertTrue(lines.get(1).startsWith("24/emelyanovsky\t") && lines.get(1).endsWith("\t0.50\t1.60\tUP\t1\tleader"),
                tsv.out());

        Run table = tsos("rank", "--region", "24", "--indicator", "2.1", "--month", "2024-03");
        assertTrue(table.out().contains("↑ +0.50 pp, count +1.60 %"), table.out() + table.err());
    }

    private static Path demoTable(String name) throws IOException {
        Path target = data.resolve(name);
        try (InputStream in = YearOutlookCommandLineTest.class.getResourceAsStream("/demo/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Whether the array holds an object equal to the expected one, numbers compared by value. */
    private static boolean contains(JsonNode array, String expected) {
        JsonNode wanted = json(expected);
        return StreamSupport.stream(array.spliterator(), false).anyMatch(entry -> sameValues(entry, wanted));
    }

    private static boolean sameValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (var names = b.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!a.has(name) || !sameValues(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
