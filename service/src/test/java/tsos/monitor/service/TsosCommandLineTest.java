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
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tsos.monitor.adapters.persistence.TestDatabase;
import tsos.monitor.service.cli.Tsos;

/** The tsos command line as an analyst uses it: a real service, a real channel, real files. */
class TsosCommandLineTest {

    private static ServiceRuntime service;
    private static String server;

    @TempDir
    static Path files;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void startServiceAndLoadTheDemoTables() throws IOException {
        service = ServiceRuntime.start(new ServiceRuntime.Settings(files, 0, 0), Optional.of(
                new DatabaseSettings(TestDatabase.url(), TestDatabase.user(), TestDatabase.password())));
        server = "127.0.0.1:" + service.grpcPort();
        List<String> load = new ArrayList<>(List.of("load", "--server", server));
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
        Run run = tsos("status", "--server", server, "--region", "27", "--month", "2022-11", "--format", "tsv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("territory\tindicator\tnumerator\tdenominator\tpercent\tplan_percent\tgap_pp\tlevel\tstate",
                lines.get(0));
        assertTrue(lines.contains("27\t2.1\t11869\t148870\t7.97\t10.00\t-2.03\tlow\tBELOW_PLAN"), run.out());
        assertTrue(lines.contains("27\t2.2\t7591\t10851\t69.96\t10.00\t59.96\tsufficient\tABOVE_PLAN"), run.out());
        assertTrue(lines.contains("27\t2.3\t38\t385\t9.87\t10.00\t-0.13\tlow\tBELOW_PLAN"), run.out());
    }

    @Test
    void a_municipality_is_named_by_its_name_and_shows_its_quota() {
        Run run = tsos("status", "--server", server, "--region", "27", "--municipality", "Амурский район",
                "--indicator", "2.3", "--month", "2022-11");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("quota 2 (own plan)"), run.out());
    }

    @Test
    void loading_the_same_file_again_stores_nothing_twice() throws IOException {
        Run again = tsos("load", "--server", server, demoTable("reports-27-khabarovsk-2022-11.tsv").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("1 batch(es) were already stored"), again.out());
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
        Run local = tsos("load", "--server", server, bad.toString());
        assertEquals(1, local.exitCode());
        assertTrue(local.err().contains("line 4, column students_with_access: '12x' is not a whole number"), local.err());

        Files.writeString(bad, """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                27\tamursky\t2022-12\t100\t1000
                27\tnowhere\t2022-12\t1\t2
                27\tamursky\t2022-13\t1\t2
                """);
        Run remote = tsos("load", "--server", server, bad.toString());
        assertEquals(1, remote.exitCode());
        assertTrue(remote.err().contains("line 3, column municipality: no municipality with code or name 'nowhere'"),
                remote.err());
        assertTrue(remote.err().contains("line 4, column period:"), remote.err());
        Run status = tsos("status", "--server", server, "--region", "27", "--municipality", "amursky",
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
        Run run = tsos("load", "--server", server, sferum.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("warning: line 2, teachers_in_sferum and teachers_total"), run.out());
        Run status = tsos("status", "--server", server, "--region", "27", "--municipality", "bikinsky",
                "--indicator", "sferum.teachers_registered", "--month", "2023-02", "--format", "tsv");
        assertTrue(status.out().contains("\t18013\t17218\t\t\t\t\tINCONSISTENT"), status.out());
    }

    @Test
    void every_command_explains_itself() {
        Run help = tsos("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("serve") && help.out().contains("load") && help.out().contains("status"));
        assertTrue(tsos("load", "--help").out().contains("--dry-run"));
    }

    static Run tsos(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Tsos.commandLine();
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
