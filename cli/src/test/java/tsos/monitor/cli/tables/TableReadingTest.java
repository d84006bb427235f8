package tsos.monitor.cli.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What a table alone tells, before the service is asked: every problem by the line and column of the file. */
class TableReadingTest {

    @TempDir
    Path directory;

    @Test
    void rows_keep_the_lines_of_the_file_comment_and_blank_lines_counted() throws IOException {
        TsvTable table = TsvTable.read(file("""
                # Хабаровский край, ноябрь 2022
                region\tmunicipality\tperiod\tstudents_total

                27\t08701000\t2022-11\t1200
                # исправлено 3 декабря
                27\t08609000\t2022-11\t950
                """));
        assertEquals(2, table.headerLine());
        assertEquals(List.of(4L, 6L), table.rows().stream().map(TsvTable.Row::line).toList());
        assertEquals(TableKind.REPORTS, table.kind());
    }

    @Test
    void every_row_with_the_wrong_number_of_cells_is_named_with_the_header_s_line() throws IOException {
        Path file = file("""
                region\tmunicipality\tperiod\tstudents_total
                27\t08701000\t2022-11
                27\t08609000\t2022-11\t950
                27\t08610000\t2022-11\t700\t12
                """);
        assertEquals(List.of("line 2: has 3 cells, the header (line 1) has 4",
                "line 4: has 5 cells, the header (line 1) has 4"), problems(() -> TsvTable.read(file)));
    }

    @Test
    void every_count_that_is_not_a_whole_number_is_named_by_line_and_column_in_one_answer() throws IOException {
        TsvTable table = TsvTable.read(file("""
                region\tmunicipality\tperiod\tstudents_total\tstudents_with_access
                27\t08701000\t2022-11\t1 200\t12x
                27\t08609000\t2022-11\t9.5\t400
                """));
        assertEquals(List.of("line 2, column students_with_access: '12x' is not a whole number",
                "line 3, column students_total: '9.5' is not a whole number"),
                problems(() -> new TableRequests(table).reports()));
    }

    @Test
    void a_plan_percent_is_read_in_hundredths_and_one_with_three_decimals_is_named_by_its_month() throws IOException {
        TsvTable table = TsvTable.read(file("""
                region\tyear\tindicator\tnov\tdec
                7\t2022\t2.1\t48,25\t50.125
                """));
        assertEquals(List.of("line 2, column dec: '50.125' is not a percent with at most two decimals, such as 48.25"),
                problems(() -> new TableRequests(table).plans()));

        var plan = new TableRequests(TsvTable.read(file("""
                region\tyear\tindicator\tnov
                7\t2022\t2.1\t48,25
                """))).plans().get(0);
        assertEquals(2, plan.line());
        assertEquals("07", plan.item().getTerritory().getRegion());
        assertEquals(4825, plan.item().getMonthsOrThrow(11).getHundredths());
    }

    @Test
    void a_header_of_no_table_tsos_loads_is_told_at_the_header_line() throws IOException {
        TsvTable table = TsvTable.read(file("""
                # выгрузка
                регион\tмесяц\tзначение
                27\t2022-11\t5
                """));
        assertEquals(List.of("line 2: not a header of a table tsos loads: it has 'period' (reports), month columns "
                + "'jan' … 'dec' (plans), 'quota' (quotas) or 'municipality_code' (territories)"), problems(table::kind));
    }

    private Path file(String text) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "table", ".tsv"), text, StandardCharsets.UTF_8);
    }

    /** Every problem the reading refused with, as the command line prints them. */
    private static List<String> problems(Executable reading) {
        return assertThrows(TableException.class, reading).problems().stream().map(TableProblem::toString).toList();
    }
}
