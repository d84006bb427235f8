package tsos.monitor.service.tables;

/** What is wrong with a table, where a person finds it: the line of the file and the column. */
public record TableProblem(long line, String column, String reason) {

    public static TableProblem ofHeader(String reason) {
        return new TableProblem(0, "", reason);
    }

    @Override
    public String toString() {
        String where = line == 0 ? "header" : "line " + line;
        return where + (column.isEmpty() ? "" : ", column " + column) + ": " + reason;
    }
}
