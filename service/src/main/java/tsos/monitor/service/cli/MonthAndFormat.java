package tsos.monitor.service.cli;

import picocli.CommandLine.Option;

/** Which month to read, and how to print what comes back. */
final class MonthAndFormat {

    @Option(names = "--month", required = true, description = "YYYY-MM.")
    String month;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    StatusFormat format;
}
