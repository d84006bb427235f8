package tsos.monitor.cli;

import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tsos.monitor.cli.tables.TableException;
import tsos.monitor.cli.tables.TableLoader;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads TSV tables into the service: territories, reports, plans or quotas, told apart by "
                + "the header. A file with a malformed row loads nothing, and every bad line is named.",
                "Loading a file again stores nothing twice.",
                "Files are read as Excel and Notepad save them: UTF-8 (with or without a byte order mark), UTF-16 "
                        + "(«Текст Юникод») or Windows-1251 (recognised, or named with --encoding cp1251); cells may "
                        + "be in double quotes; a region may be written 7 for 07."})
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions service;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Tab-separated files with a header line; "
            + "'#' starts a comment line.")
    List<Path> files;

    @Option(names = "--dry-run", description = "Check the files with the service, store nothing: says what would "
            + "be stored.")
    boolean dryRun;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "The files' encoding, such as cp1251, when "
            + "it is not the one their bytes show (a byte order mark, which wins, else UTF-8, else Windows-1251).")
    Optional<Charset> encoding;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnectionOptions.Connection connection = service.connect();
        int failed = 0;
        try {
            TableLoader loader = new TableLoader(connection.channel(), err);
            for (Path file : files) {
                try {
                    printSummary(out, loader.load(file, dryRun, encoding));
                } catch (TableException e) {
                    failed++;
                    err.println(file + ": nothing loaded, " + e.problems().size() + " problem(s):");
                    e.problems().forEach(problem -> err.println("  " + problem));
                } catch (StatusRuntimeException e) {
                    failed++;
                    err.println(file + ": nothing loaded: " + service.refusal(e));
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
        String what = summary.dryRun() ? switch (summary.kind()) {
            case REPORTS -> summary.rows() + " report rows checked by the service: would store " + summary.values()
                    + " values";
            case TERRITORIES -> summary.rows() + " territories checked here: would register them";
            case PLANS -> summary.rows() + " monthly plans checked here: would store them";
            case QUOTAS -> summary.rows() + " quotas checked here: would store them";
        } : switch (summary.kind()) {
            case REPORTS -> summary.rows() + " report rows: " + storedValues(summary);
            case TERRITORIES -> summary.rows() + " territories registered";
            case PLANS -> summary.rows() + " monthly plans stored";
            case QUOTAS -> summary.rows() + " quotas stored";
        };
        String encoding = summary.charset().equals(StandardCharsets.UTF_8) ? ""
                : " (read as " + summary.charset().displayName() + ")";
        out.println(summary.file().getFileName() + encoding + ": " + what + ", 0 refused, "
                + summary.warnings().size() + " warning(s)");
        summary.warnings().forEach(warning -> out.println("  warning: " + warning));
        out.flush();
    }

    private static String storedValues(TableLoader.Summary summary) {
        String earlier = summary.batchesReplayed() + " batch(es) stored by an earlier load of this file";
        if (summary.values() == 0 && summary.batchesReplayed() > 0) {
            return "nothing new stored, " + earlier;
        }
        return summary.values() + " values stored, " + summary.valuesSuperseded() + " superseded an earlier value"
                + (summary.batchesReplayed() > 0 ? ", " + earlier : "");
    }
}
