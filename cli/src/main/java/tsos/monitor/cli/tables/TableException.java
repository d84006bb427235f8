package tsos.monitor.cli.tables;

import java.util.List;

/** A table that cannot be loaded, with every problem found in it. */
public final class TableException extends RuntimeException {

    private final transient List<TableProblem> problems;

    public TableException(List<TableProblem> problems) {
        super(problems.size() + " problem(s); first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<TableProblem> problems() {
        return problems;
    }
}
