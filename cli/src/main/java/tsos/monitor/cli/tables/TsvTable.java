package tsos.monitor.cli.tables;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A tab-separated table with one header line, where '#' starts a comment line: the shape of every file the
 * command line loads, read as Excel writes it (see {@link TableText} for the encodings; cells in double quotes
 * with doubled inner quotes; CRLF line ends). Each row keeps the line it came from, so problems are told by line
 * and column.
 */
public record TsvTable(Path source, Charset charset, long headerLine, List<String> header, List<Row> rows) {

    public record Row(long line, Map<String, String> cells) {
        public String cell(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.TDF.builder()
            .setCommentMarker('#')
            .setTrailingData(true)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(false)
            .build();

    public static TsvTable read(Path file) {
        return read(file, Optional.empty());
    }

    /** Reads the file in the encoding named, or the one its bytes show when none is named. */
    public static TsvTable read(Path file, Optional<Charset> encoding) {
        TableText text;
        try {
            text = TableText.decode(Files.readAllBytes(file), encoding);
        } catch (IOException e) {
            throw new TableException(List.of(TableProblem.ofFile("cannot be read: " + e.getMessage())));
        }
        try (CSVParser parser = FORMAT.parse(new StringReader(text.text()))) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            if (header.isEmpty()) {
                throw new TableException(List.of(TableProblem.ofFile("the file is empty: it has no header line")));
            }
            long headerLine = parser.getCurrentLineNumber();
            List<Row> rows = new ArrayList<>();
            List<TableProblem> problems = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    problems.add(new TableProblem(line, "", "has " + record.size() + " cells, the header (line "
                            + headerLine + ") has " + header.size()));
                    continue;
                }
                rows.add(new Row(line, record.toMap()));
            }
            if (!problems.isEmpty()) {
                throw new TableException(problems);
            }
            if (rows.isEmpty()) {
                throw new TableException(List.of(TableProblem.ofFile("no rows: the file has a header (line "
                        + headerLine + ") and nothing below it")));
            }
            return new TsvTable(file, text.charset(), headerLine, header, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new TableException(List.of(TableProblem.ofFile("not a readable table: " + e.getMessage())));
        }
    }

    public TableKind kind() {
        return TableKind.of(this);
    }

    /** A problem with a column's name, told at the header line. */
    TableProblem headerProblem(String column, String reason) {
        return new TableProblem(headerLine, column, reason);
    }
}
