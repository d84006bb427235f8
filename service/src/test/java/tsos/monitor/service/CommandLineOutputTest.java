package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static tsos.monitor.service.TsosCommandLineTest.tsos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tsos.monitor.service.TsosCommandLineTest.Run;

/** What people and programs read from the command line: tables, TSV and JSON, and what it says when refused. */
class CommandLineOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path data;
    private static ServiceRuntime service;
    private static String server;
    private static String token;

    @BeforeAll
    static void startServiceAndLoadTheDemoTables() throws IOException {
        data = Files.createTempDirectory("tsos-output-test");
        service = SharedDatabase.service(data);
        server = "127.0.0.1:" + service.grpcPort();
        token = Tokens.admin(service);
        List<String> load = new ArrayList<>(List.of("load", "--server", server, "--token", token));
        for (String table : List.of("territories-27-khabarovsk.tsv", "plans-27-khabarovsk-2022.tsv",
                "quotas-27-khabarovsk-2022.tsv", "reports-27-khabarovsk-2022-11.tsv",
                "reports-24-krasnoyarsk-2024-09.tsv")) {
            load.add(demoTable(table).toString());
        }
        Path june = data.resolve("khabarovsk-2022-06.tsv");
        Files.writeString(june, """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                27\tamursky\t2022-06\t50\t100
                27\tbikinsky\t2022-06\t30\t100
                27\tvaninsky\t2022-06\t10\t100
                """);
        load.add(june.toString());
        Run loaded = tsos(load.toArray(String[]::new));
        assertEquals(0, loaded.exitCode(), loaded.err());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Path demoTable(String name) throws IOException {
        Path target = data.resolve(name);
        try (var in = CommandLineOutputTest.class.getResourceAsStream("/demo/" + name)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static Run read(String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(1, List.of("--server", server));
        return tsos(command.toArray(String[]::new));
    }

    @Test
    void rank_as_tsv_and_json_gives_each_place_and_marks_the_leader_and_the_outsider() throws IOException {
        Run tsv = read("rank", "--region", "27", "--indicator", "2.1", "--month", "2022-06", "--format", "tsv");
        List<String> lines = tsv.out().lines().toList();
        assertTrue(lines.get(0).endsWith("\tstate\tquota\tplan_source\treported_children\texpected_children"
                + "\tchange_pp\tnumerator_change_percent\tdirection\tplace\tmark"), lines.get(0));
        assertTrue(lines.get(1).endsWith("\t1\tleader"), tsv.out() + tsv.err());
        assertEquals(1, lines.stream().filter(l -> l.endsWith("\toutsider")).count(), tsv.out());

        JsonNode ranked = JSON.readTree(read("rank", "--region", "27", "--indicator", "2.1", "--month", "2022-06",
                "--format", "json").out());
        assertEquals(1, ranked.get(0).get("place").asInt());
        assertTrue(ranked.get(0).get("leader").asBoolean());
        assertEquals("27/bikinsky", ranked.get(1).get("territory").asText());
        assertEquals(2, ranked.get(1).get("place").asInt());
        assertTrue(ranked.get(2).get("outsider").asBoolean());
        assertEquals(lines.size() - 1, ranked.size());
    }

    @Test
    void a_quota_row_as_tsv_shows_its_quota_and_whose_plan_it_is() {
        Run tsv = read("rank", "--region", "27", "--indicator", "2.3", "--month", "2022-11", "--format", "tsv");
        assertTrue(tsv.out().lines().anyMatch(l -> l.startsWith("27/khabarovsky\t2.3\t")
                && l.contains("\tNO_DATA\t4\town\t")), tsv.out());
    }

    @Test
    void month_as_json_gives_each_municipality_its_place() throws IOException {
        JsonNode month = JSON.readTree(read("month", "--region", "27", "--month", "2022-06", "--format", "json")
                .out());
        JsonNode region = month.get(0);
        assertEquals("27", region.get("territory").asText());
        assertTrue(region.get("place").isNull());
        assertTrue(month.findValues("place").stream().anyMatch(place -> place.asInt() == 1));
        assertEquals(30.00, month.get(0).get("percent").asDouble());
    }

    @Test
    void history_is_printed_as_tsv_or_json() throws IOException {
        Run months = read("history", "--region", "27", "--municipality", "amursky", "--indicator", "2.1",
                "--format", "tsv");
        assertTrue(months.out().lines().anyMatch(l -> l.startsWith("27/amursky\t2.1\t")), months.out());
        Run values = read("history", "--region", "27", "--municipality", "amursky", "--indicator", "2.1",
                "--format", "tsv", "--values");
        assertTrue(values.out().startsWith("period\tmetric\tvalue\treceived_at\tsender\tbatch_id\tsuperseded\n"));
        assertTrue(values.out().lines().anyMatch(l -> l.startsWith("2022-06\tstudents_total\t100\t")),
                values.out());
        JsonNode json = JSON.readTree(read("history", "--region", "27", "--municipality", "amursky", "--indicator",
                "2.1", "--format", "json").out());
        assertTrue(json.get("months").size() > 0 && json.get("values").size() > 0, json.toString());
    }

    @Test
    void month_shows_only_what_has_data_unless_all() {
        Run withData = read("month", "--month", "2022-06", "--format", "tsv");
        List<String> shown = withData.out().lines().skip(1).toList();
        assertFalse(shown.isEmpty(), withData.out());
        assertTrue(shown.stream().noneMatch(l -> l.split("\t")[2].isEmpty()), "every row has data: " + shown);
        Run all = read("month", "--month", "2022-06", "--format", "tsv", "--all");
        assertTrue(all.out().lines().count() > withData.out().lines().count() + 80, "every region listed");
    }

    @Test
    void table_columns_line_up_on_long_indicator_codes() {
        Run table = read("status", "--region", "24", "--month", "2024-09");
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("myschool.students_in_platform")), table.out());
        assertEquals(1, lines.stream().map(l -> l.indexOf("2024-09")).distinct().count(), table.out());
    }

    @Test
    void an_empty_result_says_so() {
        Run rank = read("rank", "--region", "58", "--indicator", "2.1", "--month", "2022-06");
        assertEquals(0, rank.exitCode(), rank.err());
        assertEquals("no municipalities registered in 58\n", rank.err());
        Run below = read("below-plan", "--region", "58", "--month", "2022-11");
        assertTrue(below.err().contains("nothing below plan in 2022-11 for 58"), below.err());
    }

    @Test
    void the_catalogue_lists_every_indicator_with_its_metrics_cadence_levels_and_school_criteria()
            throws IOException {
        Run table = read("catalogue");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("students_with_access / students_total, monthly"), table.out());
        assertTrue(table.out().contains("levels: low 0.00–30.00; sufficient 30.00–70.00; high 70.00–100"),
                table.out());
        assertTrue(table.out().contains("metrics a report may carry: "), table.out());

        List<String> tsv = read("catalogue", "--format", "tsv").out().lines().toList();
        assertEquals("code\tname\tnumerator\tdenominator\tcadence\tbands\tschool_criteria", tsv.get(0));
        assertTrue(tsv.stream().anyMatch(l -> l.startsWith("2.3\t") && l.contains("≥ 50.00 %")), tsv.toString());

        JsonNode json = JSON.readTree(read("catalogue", "--format", "json").out());
        JsonNode schools = json.get("indicators").findParents("code").stream()
                .filter(i -> i.get("code").asText().equals("2.3")).findFirst().orElseThrow();
        assertEquals(2, schools.get("school_criteria").size(), schools.toString());
        assertTrue(json.get("metrics").toString().contains("\"teachers_in_sferum\""), json.toString());
    }

    @Test
    void a_bad_month_says_what_is_wrong_and_hints_only_months() {
        Run run = read("status", "--region", "27", "--month", "2022-W14");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--month '2022-W14' is not a month: write YYYY-MM, such as 2022-11"),
                run.err());
    }

    @Test
    void a_refused_call_says_which_token_was_sent_or_that_none_was() throws IOException {
        Path file = demoTable("quotas-27-khabarovsk-2022.tsv");
        Run wrong = read("load", "--token", "not-a-token", file.toString());
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().contains("UNAUTHENTICATED") && wrong.err().contains("the token sent came from --token"),
                wrong.err());

        assumeTrue(System.getenv("TSOS_TOKEN") == null && !Files.exists(Path.of("data", "admin-token")),
                "no token from the environment or ./data");
        Run none = read("load", file.toString());
        assertTrue(none.err().contains("no token was sent: pass --token TOKEN or set TSOS_TOKEN"), none.err());
    }
}
