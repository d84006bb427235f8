package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tsos.monitor.service.TsosCommandLineTest.tsos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.service.TsosCommandLineTest.Run;

/**
 * Files as Excel and Notepad on Russian Windows save them (a byte order mark, Windows-1251, UTF-16, CRLF line
 * ends, quoted cells, a region's leading zero dropped), loaded with the command line into a real service. The
 * municipalities of Kursk oblast (46) are these tests' own.
 */
class LoadingExcelFilesTest {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    private static ServiceRuntime service;
    private static String server;
    private static String token;

    @TempDir
    static Path files;

    @BeforeAll
    static void startServiceWithKurskMunicipalities() throws IOException {
        service = SharedDatabase.service(files);
        server = "127.0.0.1:" + service.grpcPort();
        token = Tokens.admin(service);
        Run registered = load(excel("territories-46.tsv", StandardCharsets.UTF_8, UTF8_BOM, """
                region\tmunicipality_code\tmunicipality_name
                46\tkursk\t"г. Курск"
                46\tzheleznogorsk\tг. Железногорск
                46\tlgov\tЛьговский район
                46\trylsk\tРыльский район
                46\tfatezh\tФатежский район
                46\tsudzha\tСуджанский район
                7\tbaksan\tБаксанский район
                """));
        assertEquals(0, registered.exitCode(), registered.err());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_utf8_file_with_a_byte_order_mark_loads() throws IOException {
        Run run = load(excel("bom.tsv", StandardCharsets.UTF_8, UTF8_BOM, """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                46\tkursk\t2023-01\t100\t1000
                """));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("46/kursk\t2.1\t100\t1000\t10.00", students("kursk", "2023-01"));
    }

    @Test
    void a_windows_1251_file_is_recognised_or_read_as_named_and_the_encoding_is_said() throws IOException {
        Path file = excel("cp1251.tsv", WINDOWS_1251, new byte[0], """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                46\tг. Железногорск\t2023-01\t200\t1000
                46\tЛьговский район\t2023-01\t300\t1000
                """);
        Run recognised = load(file);
        assertEquals(0, recognised.exitCode(), recognised.err());
        assertTrue(recognised.out().startsWith("cp1251.tsv (read as windows-1251): 2 report rows"), recognised.out());
        assertEquals("46/zheleznogorsk\t2.1\t200\t1000\t20.00", students("zheleznogorsk", "2023-01"));

        Run named = tsos("load", "--server", server, "--token", token, "--encoding", "cp1251", "--dry-run",
                file.toString());
        assertEquals(0, named.exitCode(), named.err());
        assertTrue(named.out().contains("(read as windows-1251)"), named.out());
    }

    @Test
    void a_utf16_file_with_its_byte_order_mark_loads() throws IOException {
        Run run = load(excel("unicode-text.tsv", StandardCharsets.UTF_16LE, UTF16LE_BOM, """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                46\tРыльский район\t2023-01\t400\t1000
                """));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(read as UTF-16LE)"), run.out());
        assertEquals("46/rylsk\t2.1\t400\t1000\t40.00", students("rylsk", "2023-01"));
    }

    @Test
    void a_file_in_another_encoding_names_the_excel_menu_to_save_it_with() throws IOException {
        Run run = load(excel("koi8.tsv", Charset.forName("KOI8-R"), new byte[0], """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                46\tФатежский район\t2023-01\t1\t2
                """));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("neither UTF-8 nor Windows-1251 text: in Excel choose Файл → Сохранить как → "
                + "«CSV UTF-8» or «Текст Юникод»"), run.err());
    }

    @Test
    void a_region_written_7_is_region_07() {
        Run status = tsos("status", "--server", server, "--region", "07", "--municipality", "baksan",
                "--indicator", "2.1", "--month", "2023-01");
        assertEquals(0, status.exitCode(), status.err());
    }

    @Test
    void quoted_cells_are_read_as_excel_writes_them() throws IOException {
        Run run = load(excel("quoted.tsv", StandardCharsets.UTF_8, UTF8_BOM, """
                "region"\t"municipality"\t"period"\tstudents_with_access\tstudents_total
                46\t"г. Курск"\t2023-02\t"1 500"\t2000
                """));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("46/kursk\t2.1\t1500\t2000\t75.00", students("kursk", "2023-02"));
    }

    @Test
    void a_space_a_no_break_space_and_a_narrow_no_break_space_all_separate_thousands() throws IOException {
        Run run = load(excel("thousands.tsv", StandardCharsets.UTF_8, new byte[0], """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                46\tlgov\t2023-02\t1 000\t10\u00a0000
                46\tfatezh\t2023-02\t2\u202f000\t10\u202f000
                """));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("46/lgov\t2.1\t1000\t10000\t10.00", students("lgov", "2023-02"));
        assertEquals("46/fatezh\t2.1\t2000\t10000\t20.00", students("fatezh", "2023-02"));
    }

    @Test
    void a_plans_table_may_have_any_of_the_months() throws IOException {
        Run run = load(excel("plans-46-autumn.tsv", StandardCharsets.UTF_8, new byte[0], """
                region\tmunicipality\tyear\tindicator\tsep\tnov
                46\tsudzha\t2023\t2.1\t30.00\t35,50
                """));
        assertEquals(0, run.exitCode(), run.err());
        load(excel("sudzha-2023-11.tsv", StandardCharsets.UTF_8, new byte[0], """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                46\tsudzha\t2023-11\t36\t100
                """));
        Run status = tsos("status", "--server", server, "--region", "46", "--municipality", "sudzha",
                "--indicator", "2.1", "--month", "2023-11", "--format", "tsv");
        assertTrue(status.out().contains("46/sudzha\t2.1\t36\t100\t36.00\t35.50\t0.50"), status.out());

        Run misspelt = load(excel("plans-46-misspelt.tsv", StandardCharsets.UTF_8, new byte[0], """
                # one month misspelt
                region\tyear\tindicator\tsep\tNov
                46\t2023\t2.1\t30.00\t35.00
                """));
        assertEquals(1, misspelt.exitCode());
        assertTrue(misspelt.err().contains("line 2, column Nov: not a column of a plans table"), misspelt.err());
    }

    @Test
    void an_empty_file_says_it_is_empty_and_a_header_alone_says_there_are_no_rows() throws IOException {
        Run empty = load(excel("empty.tsv", StandardCharsets.UTF_8, UTF8_BOM, ""));
        assertEquals(1, empty.exitCode());
        assertTrue(empty.err().contains("the file is empty"), empty.err());

        Run headerOnly = load(excel("header-only.tsv", StandardCharsets.UTF_8, new byte[0], """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                """));
        assertEquals(1, headerOnly.exitCode());
        assertTrue(headerOnly.err().contains("no rows: the file has a header (line 1) and nothing below it"),
                headerOnly.err());
    }

    @Test
    void problems_are_told_by_the_lines_and_columns_of_the_file_and_a_bad_column_name_at_the_header()
            throws IOException {
        Run twice = load(excel("twice.tsv", StandardCharsets.UTF_8, new byte[0], """
                # Льговский район twice in one month
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                46\tlgov\t2023-03\t1\t10
                46\tЛьговский район\t2023-03\t2\t10
                """));
        assertEquals(1, twice.exitCode());
        assertTrue(twice.err().contains("line 4, column period: line 3 already reports 46/lgov for 2023-03"),
                twice.err());

        Run misspelt = load(excel("misspelt.tsv", StandardCharsets.UTF_8, new byte[0], """
                # a metric misspelt
                region\tmunicipality\tperiod\tstudents_wth_access\tstudents_total
                46\tlgov\t2023-03\t1\t10
                46\trylsk\t2023-03\t2\t10
                """));
        assertEquals(1, misspelt.exitCode());
        assertTrue(misspelt.err().contains("1 problem(s):\n  line 2, column students_wth_access: unknown metric"),
                misspelt.err());
    }

    @Test
    void every_bad_entry_of_a_plans_or_territories_file_is_named() throws IOException {
        Run plans = load(excel("plans-46-bad.tsv", StandardCharsets.UTF_8, new byte[0], """
                region\tyear\tindicator\tapr\tmay
                46\t2023\t2.1\t104\t105
                46\t2023\t9.9\t10\t10
                """));
        assertEquals(1, plans.exitCode());
        assertTrue(plans.err().contains("3 problem(s)"), plans.err());
        assertTrue(plans.err().contains("line 2, column apr: a target percent is between 0 and 100"), plans.err());
        assertTrue(plans.err().contains("line 2, column may: a target percent is between 0 and 100"), plans.err());
        assertTrue(plans.err().contains("line 3, column indicator: '9.9' is not in the catalogue"), plans.err());

        Run territories = load(excel("territories-bad.tsv", StandardCharsets.UTF_8, new byte[0], """
                region\tmunicipality_code\tmunicipality_name\tschool_code\tschool_name
                98\tnowhere\tНигде\t\t
                46\tno-such-district\t\t0001\tМБОУ СОШ № 1
                """));
        assertEquals(1, territories.exitCode());
        assertTrue(territories.err().contains("line 2, column region:"), territories.err());
        assertTrue(territories.err().contains("line 3, column municipality_code:"), territories.err());
    }

    @Test
    void a_printed_percent_that_its_counts_do_not_give_is_warned_about_and_not_loaded() throws IOException {
        Path krasnoyarsk = files.resolve("reports-24-krasnoyarsk-2024-09.tsv");
        try (var in = getClass().getResourceAsStream("/demo/reports-24-krasnoyarsk-2024-09.tsv")) {
            Files.copy(in, krasnoyarsk, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Run run = tsos("load", "--server", server, "--token", token, "--dry-run", krasnoyarsk.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("would store 15 values, 0 refused, 1 warning(s)\n  warning: line 5, column "
                + "myschool.students_in_platform %: printed 13.4 % but 16547 / 367226 = 4.51 %"), run.out());

        Run unknown = load(excel("printed-unknown.tsv", StandardCharsets.UTF_8, new byte[0], """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total\t2.9 %\t2.1 %
                46\tlgov\t2023-05\t1\t10\t10.0\t10.0
                """));
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("1 problem(s):\n  line 1, column 2.9 %: a printed percent's column is "
                + "named after its indicator, such as '2.1 %': no indicator '2.9'"), unknown.err());
    }

    @Test
    void a_dry_run_says_what_would_be_stored_and_a_reload_that_nothing_new_was() throws IOException {
        Path file = excel("rylsk-2023-04.tsv", StandardCharsets.UTF_8, new byte[0], """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total\tteachers_total
                46\trylsk\t2023-04\t1\t10\t
                46\tfatezh\t2023-04\t2\t10\t5
                """);
        Run dry = tsos("load", "--server", server, "--token", token, "--dry-run", file.toString());
        assertTrue(dry.out().contains("2 report rows checked by the service: would store 5 values"), dry.out());
        assertTrue(load(file).out().contains("5 values stored, 0 superseded"));
        Run again = load(file);
        assertTrue(again.out().contains("nothing new stored, 1 batch(es) stored by an earlier load of this file"),
                again.out());
    }

    private static Run load(Path file) {
        return tsos("load", "--server", server, "--token", token, file.toString());
    }

    /** The numerator, denominator and percent of indicator 2.1 for a Kursk municipality. */
    private static String students(String municipality, String month) {
        Run run = tsos("status", "--server", server, "--region", "46", "--municipality", municipality,
                "--indicator", "2.1", "--month", month, "--format", "tsv");
        String line = run.out().lines().skip(1).findFirst().orElse(run.err());
        return String.join("\t", java.util.Arrays.asList(line.split("\t")).subList(0, Math.min(5,
                line.split("\t").length)));
    }

    /** A table as Excel saves it: the byte order mark given, the encoding given, CRLF line ends. */
    private static Path excel(String name, Charset charset, byte[] byteOrderMark, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(byteOrderMark);
        bytes.write(text.replace("\n", "\r\n").getBytes(charset));
        return Files.write(files.resolve(name), bytes.toByteArray());
    }
}
