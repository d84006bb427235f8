package tsos.monitor.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tsos} command line: the service itself, and a gRPC client of it for analysts. This module holds the
 * client's commands; the service's jar adds its own ({@code serve}) in front of them and runs the whole.
 */
@Command(name = "tsos", mixinStandardHelpOptions = true, version = "tsos-monitor 0.1.0",
        description = "Indicators of the federal project «Цифровая образовательная среда»: actual against plan.",
        footer = {"", "The server is --server or TSOS_SERVER (default 127.0.0.1:50051); the token --token, else "
                + "TSOS_TOKEN, else ./data/admin-token (the token of a service started in this directory).",
                "Reads print a table, or --format tsv or json."})
public final class Tsos {

    /** The client's commands, in the order --help lists them. */
    private static final List<Class<?>> CLIENT_COMMANDS = List.of(LoadCommand.class, StatusCommand.class,
            RankCommand.class, BelowPlanCommand.class, MonthCommand.class, HistoryCommand.class, SilentCommand.class,
            CatalogueCommand.class, PlanCommand.class, ForecastCommand.class, BriefingCommand.class,
            TokenCommand.class);

    private Tsos() {
    }

    /** The command line with the server's commands first (annotated picocli commands), then the client's. */
    public static CommandLine commandLine(Object... serverCommands) {
        CommandLine commandLine = new CommandLine(new Tsos());
        for (Object command : serverCommands) {
            commandLine.addSubcommand(command);
        }
        CLIENT_COMMANDS.forEach(commandLine::addSubcommand);
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    }
}
