package tsos.monitor.service.tables;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A UTF-8, tab-separated table with one header line, where '#' starts a comment line: the shape of every file
 * the command line loads. Each row keeps the line it came from, so problems are told by line and column.
 */
public record TsvTable(Path source, List<String> header, List<Row> rows) {

    public record Row(long line, Map<String, String> cells) {
        public String cell(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.TDF.builder()
            .setCommentMarker('#')
            .setQuote(null)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(false)
            .build();

    public static TsvTable read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            List<Row> rows = new ArrayList<>();
            List<TableProblem> problems = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    problems.add(new TableProblem(line, "", "has " + record.size() + " cells, the header has "
                            + header.size()));
                    continue;
                }
                rows.add(new Row(line, record.toMap()));
            }
            if (!problems.isEmpty()) {
                throw new TableException(problems);
            }
            return new TsvTable(file, header, rows);
        } catch (MalformedInputException | UncheckedIOException e) {
            throw new TableException(List.of(TableProblem.ofHeader(file + " is not UTF-8 text: save it as UTF-8")));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new TableException(List.of(TableProblem.ofHeader(file + " is not a readable table: "
                    + e.getMessage())));
        }
    }

    public TableKind kind() {
        return TableKind.of(header);
    }
}
