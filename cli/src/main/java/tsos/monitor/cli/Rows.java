package tsos.monitor.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows of named cells printed as a table for people (aligned columns), TSV (an empty cell for a missing value)
 * or JSON (an array of objects; numbers bare, a missing value null). A cell is text or a number written as
 * text; {@link #number} marks the numbers.
 */
final class Rows {

    private record Cell(String text, boolean number) {
    }

    private final List<Map<String, Cell>> rows = new ArrayList<>();
    private final List<String> columns;
    private Map<String, Cell> current;

    Rows(String... columns) {
        this.columns = List.of(columns);
    }

    Rows row() {
        current = new LinkedHashMap<>();
        rows.add(current);
        return this;
    }

    Rows text(String column, String text) {
        return put(column, new Cell(text, false));
    }

    /** A number already written as text ("48.25", "6"); empty for none. */
    Rows number(String column, String number) {
        return put(column, new Cell(number, true));
    }

    private Rows put(String column, Cell cell) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("no column " + column);
        }
        current.put(column, cell);
        return this;
    }

    String render(StatusFormat format) {
        StringBuilder out = new StringBuilder();
        switch (format) {
            case TSV -> {
                out.append(String.join("\t", columns)).append('\n');
                rows.forEach(row -> out.append(String.join("\t", columns.stream().map(c -> text(row, c)).toList()))
                        .append('\n'));
            }
            case JSON -> out.append(StatusFormat.json(rows.stream().map(this::json).toList()));
            case TABLE -> {
                int[] widths = columns.stream().mapToInt(String::length).toArray();
                for (Map<String, Cell> row : rows) {
                    for (int c = 0; c < widths.length; c++) {
                        widths[c] = Math.max(widths[c], text(row, columns.get(c)).length());
                    }
                }
                out.append(line(widths, columns)).append('\n');
                rows.forEach(row -> out.append(line(widths, columns.stream().map(c -> text(row, c)).toList()))
                        .append('\n'));
            }
        }
        return out.toString();
    }

    private static String line(int[] widths, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[c] + "s", cells.get(c)));
        }
        return line.toString().stripTrailing();
    }

    private static String text(Map<String, Cell> row, String column) {
        Cell cell = row.get(column);
        return cell == null ? "" : cell.text();
    }

    /** Numbers as JSON numbers (exact decimals), texts as strings, a missing value as null. */
    private Map<String, Object> json(Map<String, Cell> row) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String column : columns) {
            Cell cell = row.get(column);
            object.put(column, cell == null || cell.text().isEmpty() && cell.number() ? null
                    : cell.number() ? new BigDecimal(cell.text()) : cell.text());
        }
        return object;
    }
}
