package tsos.monitor.service;

import picocli.CommandLine;
import tsos.monitor.cli.Tsos;

/** The jar's entry: the tsos command line, with serve (this module's) before the client's commands. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return Tsos.commandLine(new ServeCommand());
    }
}
