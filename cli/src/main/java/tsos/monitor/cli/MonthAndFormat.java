package tsos.monitor.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which month to read, and how to print what comes back. */
final class MonthAndFormat {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    String month;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    StatusFormat format;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "A month, such as 2022-11.")
    void month(String text) {
        month = checkedMonth(spec, text);
    }

    static String checkedMonth(CommandSpec spec, String text) {
        try {
            YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--month '" + text + "' is not a month: write YYYY-MM, "
                    + "such as 2022-11");
        }
        return text;
    }
}
