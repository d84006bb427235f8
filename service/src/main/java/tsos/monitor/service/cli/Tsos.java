package tsos.monitor.service.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tsos} command line: the service itself, and a gRPC client of it for analysts. */
@Command(name = "tsos", mixinStandardHelpOptions = true, version = "tsos-monitor 0.1.0",
        description = "Indicators of the federal project «Цифровая образовательная среда»: actual against plan.",
        subcommands = {ServeCommand.class, LoadCommand.class, StatusCommand.class, RankCommand.class,
                BelowPlanCommand.class, MonthCommand.class, HistoryCommand.class, TokenCommand.class,
                BriefingCommand.class})
public final class Tsos {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Tsos()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
