package tsos.monitor.service.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tsos} command line: the service itself, and a gRPC client of it for analysts. */
@Command(name = "tsos", mixinStandardHelpOptions = true, version = "tsos-monitor 0.1.0",
        description = "Indicators of the federal project «Цифровая образовательная среда»: actual against plan.",
        footer = {"", "The server is --server or TSOS_SERVER (default 127.0.0.1:50051); the token --token, else "
                + "TSOS_TOKEN, else ./data/admin-token (the token of a service started in this directory).",
                "Reads print a table, or --format tsv or json."},
        subcommands = {ServeCommand.class, LoadCommand.class, StatusCommand.class, RankCommand.class,
                BelowPlanCommand.class, MonthCommand.class, HistoryCommand.class, SilentCommand.class,
                CatalogueCommand.class, PlanCommand.class, ForecastCommand.class, BriefingCommand.class,
                TokenCommand.class})
public final class Tsos {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Tsos()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
