package tsos.monitor.service.cli;

import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tsos.monitor.service.tables.TableException;
import tsos.monitor.service.tables.TableLoader;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads TSV tables into the service: territories, reports, plans or quotas, told apart by "
                + "the header. A file with a malformed row loads nothing, and every bad line is named.",
                "Loading a file again stores nothing twice."})
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOption server;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "TSV files (UTF-8, tab-separated, '#' comments).")
    List<Path> files;

    @Option(names = "--dry-run", description = "Check the files with the service, store nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerOption.Connection connection = server.connect();
        int failed = 0;
        try {
            TableLoader loader = new TableLoader(connection.channel(), err);
            for (Path file : files) {
                try {
                    printSummary(out, loader.load(file, dryRun));
                } catch (TableException e) {
                    failed++;
                    err.println(file + ": nothing loaded, " + e.problems().size() + " problem(s):");
                    e.problems().forEach(problem -> err.println("  " + problem));
                } catch (StatusRuntimeException e) {
                    failed++;
                    err.println(file + ": nothing loaded: the service at " + server.address + " answered "
                            + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
                }
            }
        } finally {
            connection.close();
            out.flush();
            err.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    static void printSummary(PrintWriter out, TableLoader.Summary summary) {
        String what = switch (summary.kind()) {
            case REPORTS -> summary.rows() + " report rows: " + summary.valuesStored() + " values stored, "
                    + summary.valuesSuperseded() + " superseded an earlier value"
                    + (summary.batchesReplayed() > 0 ? ", " + summary.batchesReplayed()
                    + " batch(es) were already stored" : "");
            case TERRITORIES -> summary.rows() + " territories registered";
            case PLANS -> summary.rows() + " monthly plans stored";
            case QUOTAS -> summary.rows() + " quotas stored";
        };
        out.println(summary.file().getFileName() + ": " + what + ", 0 refused, " + summary.warnings().size()
                + " warning(s)");
        summary.warnings().forEach(warning -> out.println("  warning: " + warning));
        out.flush();
    }
}
