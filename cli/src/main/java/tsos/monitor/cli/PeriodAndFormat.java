package tsos.monitor.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which month or ISO week to read (one of them: a week for weekly indicators), and how to print the answer. */
final class PeriodAndFormat {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    String month = "";

    String week = "";

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    StatusFormat format;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "A month, such as 2022-11 (or --week).")
    void month(String text) {
        month = MonthAndFormat.checkedMonth(spec, text);
    }

    @Option(names = "--week", paramLabel = "YYYY-Www",
            description = "An ISO week, such as 2024-W38, for weekly indicators (or --month).")
    void week(String text) {
        if (!text.matches("\\d{4}-W\\d{2}")) {
            throw new ParameterException(spec.commandLine(), "--week '" + text + "' is not an ISO week: write "
                    + "YYYY-Www, such as 2024-W38");
        }
        week = text;
    }

    /** The month or week asked for, as written. */
    String period() {
        if (month.isEmpty() == week.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give --month or --week (one of them)");
        }
        return month.isEmpty() ? week : month;
    }
}
