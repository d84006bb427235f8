package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The tsos command line as an analyst uses it: a real service, a real channel, real files. */
class TsosCommandLineTest {

    private static ServiceRuntime service;
    private static String server;
    private static String token;

    @TempDir
    static Path files;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void startServiceAndLoadTheDemoTables() throws IOException {
        service = SharedDatabase.service(files);
        server = "127.0.0.1:" + service.grpcPort();
        token = Tokens.admin(service);
        List<String> load = new ArrayList<>(List.of("load", "--server", server, "--token", token));
        for (String table : List.of("territories-27-khabarovsk.tsv", "plans-27-khabarovsk-2022.tsv",
                "quotas-27-khabarovsk-2022.tsv", "reports-27-khabarovsk-2022-11.tsv")) {
            load.add(demoTable(table).toString());
        }
        Run loaded = tsos(load.toArray(String[]::new));
        assertEquals(0, loaded.exitCode(), loaded.err());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void status_as_tsv_gives_the_khabarovsk_figures_with_their_states() {
        Run run = tsos("status", "--server", server, "--token", token, "--region", "27", "--month", "2022-11", "--format", "tsv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("territory\tindicator\tnumerator\tdenominator\tpercent\tplan_percent\tgap_pp\tlevel\tstate"
                + "\tquota\tplan_source\treported_children\texpected_children\tchange_pp\tnumerator_change_percent"
                + "\tdirection", lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(
                "27\t2.1\t11869\t148870\t7.97\t10.00\t-2.03\tlow\tBELOW_PLAN\t\town\t")), run.out());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(
                "27\t2.2\t7591\t10851\t69.96\t10.00\t59.96\tsufficient\tABOVE_PLAN\t\town\t")), run.out());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(
                "27\t2.3\t38\t385\t9.87\t10.00\t-0.13\tlow\tBELOW_PLAN\t\town\t")), run.out());
    }

    @Test
    void a_municipality_is_named_by_its_name_and_shows_its_quota() {
        Run run = tsos("status", "--server", server, "--token", token, "--region", "27", "--municipality", "Амурский район",
                "--indicator", "2.3", "--month", "2022-11");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("quota 2 (own plan)"), run.out());
    }

    @Test
    void loading_the_same_file_again_stores_nothing_twice() throws IOException {
        Run again = tsos("load", "--server", server, "--token", token, demoTable("reports-27-khabarovsk-2022-11.tsv").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("nothing new stored, 1 batch(es) stored by an earlier load of this file"),
                again.out());
    }

    @Test
    void a_file_with_a_bad_line_loads_nothing_and_names_every_bad_line_and_column() throws IOException {
        Path bad = files.resolve("bad-reports.tsv");
        Files.writeString(bad, """
                # a weekly table with two bad lines
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                27\tamursky\t2022-12\t100\t1000
                27\tamursky\t2022-W50\t12x\t1000
                27\tnowhere\t2022-12\t1\t2
                """);
        Run local = tsos("load", "--server", server, "--token", token, bad.toString());
        assertEquals(1, local.exitCode());
        assertTrue(local.err().contains("line 4, column students_with_access: '12x' is not a whole number"), local.err());

        Files.writeString(bad, """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                27\tamursky\t2022-12\t100\t1000
                27\tnowhere\t2022-12\t1\t2
                27\tamursky\t2022-13\t1\t2
                """);
        Run remote = tsos("load", "--server", server, "--token", token, bad.toString());
        assertEquals(1, remote.exitCode());
        assertTrue(remote.err().contains("line 3, column municipality: no municipality with code or name 'nowhere'"),
                remote.err());
        assertTrue(remote.err().contains("line 4, column period:"), remote.err());
        Run status = tsos("status", "--server", server, "--token", token, "--region", "27", "--municipality", "amursky",
                "--indicator", "2.1", "--month", "2022-12");
        assertTrue(status.out().contains("no data"), "nothing of the refused file was stored: " + status.out());
    }

    @Test
    void inconsistent_counts_load_with_a_warning_naming_the_line() throws IOException {
        Path sferum = files.resolve("sferum-week.tsv");
        Files.writeString(sferum, """
                region\tmunicipality\tperiod\tteachers_in_sferum\tteachers_total
                27\tbikinsky\t2023-02-20/2023-02-22\t18013\t17218
                """);
        Run run = tsos("load", "--server", server, "--token", token, sferum.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("warning: line 2, teachers_in_sferum and teachers_total"), run.out());
        Run status = tsos("status", "--server", server, "--token", token, "--region", "27", "--municipality", "bikinsky",
                "--indicator", "sferum.teachers_registered", "--month", "2023-02", "--format", "tsv");
        assertTrue(status.out().contains("\t18013\t17218\t\t\t\t\tINCONSISTENT"), status.out());
    }

    @Test
    void a_region_is_the_ratio_of_sums_of_its_municipalities_ranked_with_leader_and_outsider() throws IOException {
        Path october = files.resolve("october.tsv");
        Files.writeString(october, """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                27\tamursky\t2022-10\t1\t10
                27\tbikinsky\t2022-10\t90\t100
                27\tvaninsky\t2022-W41\t5\t100
                """);
        assertEquals(0, tsos("load", "--server", server, "--token", token, october.toString()).exitCode());

        Run region = tsos("status", "--server", server, "--token", token, "--region", "27", "--indicator", "2.1", "--month",
                "2022-10", "--format", "tsv");
        // (1 + 90 + 5) / (10 + 100 + 100) = 45.71 %; the average of the percents would be 35.00 %.
        assertTrue(region.out().contains("27\t2.1\t96\t210\t45.71\t10.00\t35.71\tsufficient\tABOVE_PLAN"),
                region.out());

        Run ranked = tsos("rank", "--server", server, "--token", token, "--region", "27", "--indicator", "2.1", "--month", "2022-10");
        List<String> lines = ranked.out().lines().toList();
        assertTrue(lines.get(0).startsWith("  1  27/bikinsky") && lines.get(0).endsWith("← leader"), ranked.out());
        assertTrue(lines.get(2).startsWith("  3  27/vaninsky") && lines.get(2).endsWith("← outsider"), ranked.out());
        assertTrue(lines.get(2).contains("plan 10.00 % (region's plan)"), ranked.out());

        Run below = tsos("below-plan", "--server", server, "--token", token, "--region", "27", "--month", "2022-10", "--format", "tsv");
        assertTrue(below.out().contains("27/vaninsky\t2.1\t5\t100\t5.00\t10.00\t-5.00\tlow\tBELOW_PLAN"),
                below.out());
        assertTrue(!below.out().contains("27/bikinsky"), below.out());

        Run month = tsos("month", "--server", server, "--token", token, "--region", "27", "--month", "2022-10",
                "--format", "tsv");
        List<String> table = month.out().lines().toList();
        assertEquals("territory\tindicator\tnumerator\tdenominator\tpercent\tplan_percent\tgap_pp"
                + "\tlevel\tstate\tquota\tplan_source\treported_children\texpected_children\tchange_pp"
                + "\tnumerator_change_percent\tdirection\tplace\tmark",
                table.get(0), month.out());
        int bikinsky = indexOfLineStarting(table, "27/bikinsky\t2.1\t");
        int vaninsky = indexOfLineStarting(table, "27/vaninsky\t2.1\t");
        assertTrue(table.get(1).startsWith("27\t2.1\t96\t210\t45.71"), month.out());
        assertTrue(0 < bikinsky && bikinsky < vaninsky, "municipalities by indicator, best first: " + month.out());
    }

    private static int indexOfLineStarting(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void a_correction_is_used_and_the_history_keeps_what_it_corrected() throws IOException {
        Path first = files.resolve("solnechny-first.tsv");
        Files.writeString(first, "region\tmunicipality\tperiod\tteachers_using_platform\tteachers_total\n"
                + "27\tsolnechny\t2022-09\t100\t400\n");
        Path correction = files.resolve("solnechny-correction.tsv");
        Files.writeString(correction, "region\tmunicipality\tperiod\tteachers_using_platform\tteachers_total\n"
                + "27\tsolnechny\t2022-09\t300\t400\n");
        assertEquals(0, tsos("load", "--server", server, "--token", token, first.toString()).exitCode());
        Run corrected = tsos("load", "--server", server, "--token", token, correction.toString());
        assertTrue(corrected.out().contains("2 values stored, 2 superseded an earlier value"), corrected.out());

        Run history = tsos("history", "--server", server, "--token", token, "--region", "27", "--municipality", "solnechny",
                "--indicator", "2.2");
        assertEquals(0, history.exitCode(), history.err());
        assertTrue(history.out().contains("300 / 400 = 75.00 %"), history.out());
        assertTrue(history.out().lines().anyMatch(l -> l.contains("teachers_using_platform") && l.contains(" 100 ")
                && l.contains("superseded by a correction")), history.out());
    }

    @Test
    void each_khabarovsk_municipality_is_measured_against_its_quota_of_schools() throws IOException {
        Path using = files.resolve("schools-using-2022-11.tsv");
        Files.writeString(using, """
                region\tmunicipality\tperiod\tschools_using_platform
                27\tamursky\t2022-11\t2
                27\tБикинский район\t2022-11\t1
                """);
        assertEquals(0, tsos("load", "--server", server, "--token", token, using.toString()).exitCode());
        Run ranked = tsos("rank", "--server", server, "--token", token, "--region", "27", "--indicator", "2.3",
                "--month", "2022-11");
        List<String> lines = ranked.out().lines().toList();
        assertEquals(18, lines.stream().filter(l -> l.contains("quota ")).count(), ranked.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("27/amursky") && l.contains("2 / 18 = 11.11 %")
                && l.contains("quota 2 (own plan)") && l.contains("ABOVE_PLAN")), ranked.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("27/bikinsky") && l.contains("1 / 10 = 10.00 %")
                && l.contains("quota 2 (own plan)") && l.contains("BELOW_PLAN")), ranked.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("27/khabarovsky") && l.contains("quota 4 (own plan)")
                && l.contains("NO_DATA")), ranked.out());
    }

    @Test
    void krasnoyarsk_2024_is_measured_against_the_plan_of_each_month() throws IOException {
        Path actuals = files.resolve("krasnoyarsk-2024.tsv");
        Files.writeString(actuals, """
                region\tperiod\tstudents_with_access\tstudents_total
                24\t2024-03\t4850\t10000
                24\t2024-W47\t4940\t10000
                24\t2024-12-23/2024-12-27\t5000\t10000
                """);
        assertEquals(0, tsos("load", "--server", server, "--token", token,
                demoTable("plans-24-krasnoyarsk-2024.tsv").toString(), actuals.toString()).exitCode());
        assertEquals("24\t2.1\t4850\t10000\t48.50\t48.50\t0.00\tsufficient\tABOVE_PLAN\t\town\t0\t0\t\t\t",
                krasnoyarsk21("2024-03"));
        assertEquals("24\t2.1\t4940\t10000\t49.40\t49.50\t-0.10\tsufficient\tBELOW_PLAN\t\town\t0\t0\t\t\t",
                krasnoyarsk21("2024-11"));
        // Since November: 49.40 % → 50.00 %, 4,940 → 5,000 (1.2 % more).
        assertEquals("24\t2.1\t5000\t10000\t50.00\t50.00\t0.00\tsufficient\tABOVE_PLAN\t\town\t0\t0\t0.60\t1.20\tUP",
                krasnoyarsk21("2024-12"));
    }

    private static String krasnoyarsk21(String month) {
        Run run = tsos("status", "--server", server, "--region", "24", "--indicator", "2.1", "--month", month,
                "--format", "tsv");
        return run.out().lines().skip(1).findFirst().orElse(run.err());
    }

    @Test
    void a_territories_file_registers_municipalities_with_their_schools_or_nothing() throws IOException {
        Path territories = files.resolve("territories-with-schools.tsv");
        Files.writeString(territories, """
                region\tmunicipality_code\tmunicipality_name\tschool_code\tschool_name
                27\tnanaysky\tНанайский район\t\t
                27\tnew-district\tНовый район\t\t
                27\tНовый район\t\t0001\tМБОУ СОШ № 1
                27\tno-such-district\t\t0002\tМБОУ СОШ № 2
                """);
        Run refused = tsos("load", "--server", server, "--token", token, territories.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("line 5, column municipality_code: no municipality"), refused.err());
        Run notThere = tsos("status", "--server", server, "--region", "27", "--municipality", "new-district",
                "--indicator", "2.1", "--month", "2022-11");
        assertTrue(notThere.err().contains("NOT_FOUND"), "nothing of the refused file was registered");

        Files.writeString(territories, Files.readString(territories).lines()
                .filter(line -> !line.contains("no-such-district")).collect(Collectors.joining("\n")));
        Run registered = tsos("load", "--server", server, "--token", token, territories.toString());
        assertEquals(0, registered.exitCode(), registered.err());
        assertTrue(registered.out().contains("3 territories registered"), registered.out());
    }

    @Test
    void a_municipality_s_2_3_is_derived_from_its_schools_by_the_school_rule() throws IOException {
        Path schools = files.resolve("ulchsky-schools.tsv");
        Files.writeString(schools, """
                region\tmunicipality_code\tmunicipality_name\tschool_code\tschool_name
                27\tulchsky\t\tu1\tМБОУ СОШ с. Булава
                27\tulchsky\t\tu2\tМБОУ СОШ с. Софийск
                27\tulchsky\t\tu3\tМБОУ СОШ п. Циммермановка
                """);
        Path counts = files.resolve("ulchsky-schools-2022-08.tsv");
        // u1: 60 % and 60 % → using; u2: 40 % of teachers → not; u3: exactly 50 % and 50 % → using.
        Files.writeString(counts, """
                region\tmunicipality\tschool\tperiod\tteachers_with_access\tteachers_total\tstudents_with_access\tstudents_total
                27\tulchsky\tu1\t2022-08\t30\t50\t300\t500
                27\tulchsky\tu2\t2022-08\t20\t50\t400\t500
                27\tulchsky\tu3\t2022-08\t25\t50\t250\t500
                """);
        assertEquals(0, tsos("load", "--server", server, "--token", token, schools.toString(), counts.toString())
                .exitCode());
        Run status = tsos("status", "--server", server, "--region", "27", "--municipality", "ulchsky", "--indicator",
                "2.3", "--month", "2022-08", "--format", "tsv");
        // Its own quota (2 schools, Khabarovsk 2022) applies rather than the region's percent: 2 of 3 meets it.
        assertTrue(status.out().contains("27/ulchsky\t2.3\t2\t3\t66.67\t\t\tsufficient\tABOVE_PLAN"),
                status.out() + status.err());
    }

    /**
     * Сахалин (65), the weekly sferum.schools_active: Корсаков sends ISO week 37 of 2024 and, for week 38, a range
     * ending on Wednesday 18.09; Холмск sends week 38.
     */
    @Test
    void a_weekly_indicator_s_status_for_an_iso_week_in_every_format_with_the_change_since_the_week_before()
            throws IOException {
        Path territories = files.resolve("territories-65.tsv");
        Files.writeString(territories, "region\tmunicipality_code\tmunicipality_name\n"
                + "65\tkorsakov\tКорсаковский городской округ\n65\tkholmsk\tХолмский городской округ\n");
        Path weeks = files.resolve("reports-65-weeks.tsv");
        Files.writeString(weeks, "region\tmunicipality\tperiod\tschools_active_in_sferum\tschools_in_sferum\n"
                + "65\tkorsakov\t2024-W37\t10\t20\n"
                + "65\tkorsakov\t2024-09-16/2024-09-18\t12\t20\n"
                + "65\tkholmsk\t2024-W38\t5\t20\n");
        assertEquals(0, tsos("load", "--server", server, "--token", token, territories.toString(), weeks.toString())
                .exitCode());
        String[] week38 = {"status", "--server", server, "--region", "65", "--municipality", "korsakov",
                "--indicator", "sferum.schools_active", "--week", "2024-W38", "--format"};

        Run json = tsos(with(week38, "json"));
        var status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get(0);
        assertEquals("2024-W38", status.get("week").asText(), json.out() + json.err());
        assertEquals("2024-09", status.get("month").asText(), "the month of the week's Sunday, whose plan applies");
        assertEquals(12, status.get("numerator").asInt());
        assertEquals(0, new java.math.BigDecimal("60.00").compareTo(status.get("percent").decimalValue()));
        assertEquals(0, new java.math.BigDecimal("10.00").compareTo(status.get("change_pp").decimalValue()),
                "50 % in week 37");
        assertEquals("UP", status.get("direction").asText());
        Run tsv = tsos(with(week38, "tsv"));
        assertTrue(tsv.out().lines().anyMatch(line -> line.startsWith("65/korsakov\tsferum.schools_active\t12\t20"
                + "\t60.00\t")), tsv.out() + tsv.err());
        Run table = tsos(with(week38, "table"));
        assertTrue(table.out().contains("sferum.schools_active  2024-W38  12 / 20 = 60.00 %"), table.out());
        assertTrue(table.out().contains("↑ +10.00 pp, count +20.00 %"), table.out());

        Run ranked = tsos("rank", "--server", server, "--region", "65", "--indicator", "sferum.schools_active",
                "--week", "2024-W38", "--format", "tsv");
        assertTrue(ranked.out().lines().anyMatch(line -> line.startsWith("65/korsakov\t") && line.contains("\t1\tleader")),
                ranked.out() + ranked.err());
        Run history = tsos("history", "--server", server, "--region", "65", "--municipality", "korsakov",
                "--indicator", "sferum.schools_active", "--format", "json");
        var weeksShown = new com.fasterxml.jackson.databind.ObjectMapper().readTree(history.out()).get("weeks");
        assertEquals(List.of("2024-W37", "2024-W38"), List.of(weeksShown.get(0).get("week").asText(),
                weeksShown.get(1).get("week").asText()), history.out() + history.err());
        assertEquals(2, weeksShown.size());
        assertTrue(tsos(with(week38, "tsv", "--month", "2024-09")).err().contains("--month or --week"));
    }

    /** Smolensk (67), a region no other test reports: two districts, one behind its weekly plan in week 38. */
    @Test
    void a_week_s_below_plan_list_and_statuses_hold_the_weekly_indicators_of_that_week() throws IOException {
        Path territories = table("territories-67.tsv", "region\tmunicipality_code\tmunicipality_name",
                "67\tvyazma\tВяземский район", "67\tsafonovo\tСафоновский район");
        Path plans = table("plans-67-2024.tsv", "region\tyear\tindicator\tjan\tfeb\tmar\tapr\tmay\tjun\tjul\taug"
                + "\tsep\toct\tnov\tdec", "67\t2024\tsferum.schools_active" + "\t40".repeat(12));
        Path weeks = table("reports-67-w38.tsv", "region\tmunicipality\tperiod\tschools_active_in_sferum"
                + "\tschools_in_sferum", "67\tvyazma\t2024-W38\t6\t20", "67\tsafonovo\t2024-W38\t15\t20");
        assertEquals(0, tsos("load", "--server", server, "--token", token, territories.toString(), plans.toString(),
                weeks.toString()).exitCode());

        Run below = tsos("below-plan", "--server", server, "--region", "67", "--week", "2024-W38", "--format", "tsv");
        List<String> behind = below.out().lines().filter(line -> line.startsWith("67")).map(line -> line.split("\t")[0]
                + " " + line.split("\t")[1]).toList();
        assertEquals(List.of("67/vyazma sferum.schools_active"), behind,
                "30 % against 40 % in week 38; Safonovo's 75 % and the region's 52.5 % are above\n" + below.out()
                        + below.err());
        Run week = tsos("month", "--server", server, "--region", "67", "--week", "2024-W38", "--format", "tsv");
        assertTrue(week.out().lines().filter(line -> line.startsWith("67")).noneMatch(line -> line.split("\t")[1]
                .startsWith("2.")), "a week has no statuses of the monthly indicators 2.1-2.3\n" + week.out());
        assertTrue(week.out().contains("67/safonovo\tsferum.schools_active\t15\t20\t75.00"), week.out() + week.err());
        assertTrue(tsos("below-plan", "--server", server, "--region", "67", "--week", "2024-W37").out()
                .isEmpty(), "no data in week 37: nothing below plan");
    }

    @Test
    void the_api_refuses_a_week_with_a_month_or_for_a_monthly_indicator_naming_the_field_week() {
        var channel = service.channel();
        try {
            var stub = tsos.monitor.api.v1.IndicatorStatusesGrpc.newBlockingStub(channel);
            var request = tsos.monitor.api.v1.GetStatusRequest.newBuilder()
                    .setTerritory(tsos.monitor.api.v1.TerritoryRef.newBuilder().setRegion("27"))
                    .setIndicator("mm.10").setWeek("2022-W46");
            for (var refused : List.of(request.clone().setMonth("2022-11"), request.clone().setIndicator("2.1"),
                    request.clone().setWeek("2022-46"))) {
                var error = org.junit.jupiter.api.Assertions.assertThrows(io.grpc.StatusRuntimeException.class,
                        () -> stub.getStatus(refused.build()));
                assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
                assertEquals("week", ClientErrorsTest.violations(error).get(0).getField(), error.getMessage());
            }
            assertEquals("2022-W46", stub.getStatus(request.build()).getWeek());
            for (var lists : List.<Runnable>of(
                    () -> stub.listBelowPlan(tsos.monitor.api.v1.BelowPlanRequest.newBuilder().setRegion("27")
                            .setMonth("2022-11").setWeek("2022-W46").build()),
                    () -> stub.listBelowPlan(tsos.monitor.api.v1.BelowPlanRequest.newBuilder().setWeek("2022-46")
                            .build()),
                    () -> stub.listMonthStatuses(tsos.monitor.api.v1.MonthStatusesRequest.newBuilder()
                            .setMonth("2022-11").setWeek("2022-W46").build()).hasNext())) {
                var error = org.junit.jupiter.api.Assertions.assertThrows(io.grpc.StatusRuntimeException.class,
                        lists::run);
                assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
                assertEquals("week", ClientErrorsTest.violations(error).get(0).getField(), error.getMessage());
            }
        } finally {
            channel.shutdownNow();
        }
    }

    /** A table file of this test's, its lines as given. */
    private static Path table(String name, String... lines) throws IOException {
        return Files.writeString(files.resolve(name), String.join("\n", lines) + "\n");
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void every_command_explains_itself() {
        Run help = tsos("--help");
        assertEquals(0, help.exitCode());
        for (String command : List.of("serve", "load", "status", "rank", "below-plan", "month", "history",
                "catalogue", "token")) {
            assertTrue(help.out().contains(command), command);
            assertEquals(0, tsos(command, "--help").exitCode(), command);
        }
        assertTrue(tsos("load", "--help").out().contains("--dry-run"));
    }

    static Run tsos(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    static Path demoTable(String name) throws IOException {
        Path target = files.resolve(name);
        try (InputStream in = TsosCommandLineTest.class.getResourceAsStream("/demo/" + name)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
