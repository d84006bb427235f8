package tsos.monitor.cli.tables;

/**
 * What is wrong with a table, where a person finds it: the line of the file and the column; line 0 for the file
 * as a whole.
 */
public record TableProblem(long line, String column, String reason) {

    public static TableProblem ofFile(String reason) {
        return new TableProblem(0, "", reason);
    }

    @Override
    public String toString() {
        return line == 0 ? reason : "line " + line + (column.isEmpty() ? "" : ", column " + column) + ": " + reason;
    }
}
