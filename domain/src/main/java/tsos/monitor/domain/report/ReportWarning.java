package tsos.monitor.domain.report;

import java.util.List;

/** Counts that are well formed but contradict each other, stored as sent: the row and the fields involved. */
public record ReportWarning(int row, List<String> fields, String message) {

    public ReportWarning {
        fields = List.copyOf(fields);
    }

    @Override
    public String toString() {
        return "row " + row + " " + fields + ": " + message;
    }
}
