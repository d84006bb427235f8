package tsos.monitor.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark of issue 8: can one small machine carry the whole country? In one run, on one machine, with the
 * service started in this JVM (embedded PostgreSQL): gRPC ingestion of a national week against PostgreSQL's own
 * COPY of the same rows; a full /metrics scrape over a year of national data; every status of one month; the
 * heap, resident set and start time; and the regional briefing page of issue 16. The {@link Scenario} runs them in
 * order, each figure goes to the {@link Report} beside its target, with what would reach a missed one.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the tsos-monitor benchmark on synthetic national data and prints each figure beside its "
                + "target.", "Quick try: ./bench --scale 0.02 --weeks 2"})
public final class Bench implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1.0", description = "1.0 = the whole country; 0.02 keeps whole "
            + "regions with about 2 %% of the schools, for a quick try (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--weeks", defaultValue = "52", description = "Weeks of weekly school reports, from ISO week 1 "
            + "(default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--year", defaultValue = "2024", description = "Year of the plans and weeks (default: "
            + "${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--batch-rows", defaultValue = "5000", description = "School reports per SubmitReports batch, as "
            + "a sending system would send them (default: ${DEFAULT-VALUE}).")
    int batchRows;

    @Option(names = "--fill", defaultValue = "copy", description = "How the weeks between the first and the last are "
            + "loaded: copy (the persistence adapter's bulk writer: a batch per week, its values by COPY straight "
            + "into reported_value; fast, not measured against a target) or grpc (through the API, as the measured "
            + "weeks) (default: ${DEFAULT-VALUE}).")
    Options.Fill fill;

    @Option(names = "--scrapes", defaultValue = "5", description = "Scrapes of /metrics, and requests of the "
            + "briefing page, measured after the first (default: ${DEFAULT-VALUE}).")
    int scrapes;

    @Option(names = "--status-runs", defaultValue = "3", description = "Runs of the month's statuses (default: "
            + "${DEFAULT-VALUE}).")
    int statusRuns;

    @Option(names = "--data-dir", defaultValue = "target/bench-data", description = "Working directory: the embedded "
            + "database and the tables; emptied at the start (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--keep-data", description = "Keep the data directory at the end (it holds a year of national "
            + "data: several GB).")
    boolean keepData;

    @Option(names = "--out", description = "Also write every generated table (territories, plans, quotas, one "
            + "reports file per week) to this directory, for `tsos load`.")
    Path out;

    @Option(names = "--use-database-url", description = "Run against the PostgreSQL of DATABASE_URL instead of the "
            + "embedded one. It writes a year of data and the table bench_copy into it: never a production database.")
    boolean useDatabaseUrl;

    @Option(names = "--refresh-timeout", defaultValue = "1200", description = "Seconds to wait at most for the read "
            + "model to finish a refresh (default: ${DEFAULT-VALUE}).")
    double refreshTimeout;

    @Option(names = "--service-refresh-seconds", defaultValue = "3600", description = "The measured service's "
            + "tsos.metrics.refresh-seconds: its periodic refresh of the whole read model is timed once on its own, "
            + "and kept out of the other figures (default: ${DEFAULT-VALUE}; the service's own default is 60; 0 "
            + "leaves it).")
    int serviceRefreshSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (System.getenv("DATABASE_URL") != null && !useDatabaseUrl) {
            System.err.println("bench: DATABASE_URL is set; the benchmark writes a year of data and drops tables. "
                    + "Unset it to use the embedded PostgreSQL, or pass --use-database-url if that database is "
                    + "disposable.");
            return 2;
        }
        PrintStream progress = System.err;
        long started = System.nanoTime();
        Options options = new Options(seed, scale, weeks, year, batchRows, fill, scrapes, statusRuns,
                dataDirectory.toAbsolutePath(), refreshTimeout, serviceRefreshSeconds);
        deleteRecursively(options.dataDirectory());
        Files.createDirectories(options.dataDirectory());

        progress.println("bench: generating synthetic national data (seed " + seed + ", scale " + scale + ", "
                + weeks + " weeks of " + year + ")");
        NationalData data = NationalData.generate(seed, scale, year, weeks);
        progress.println("bench:   " + data.describe());
        if (out != null) {
            long writing = System.nanoTime();
            List<Path> files = data.writeAll(out);
            progress.printf(Locale.ROOT, "bench:   %d tables written to %s in %.1f s%n", files.size(),
                    out.toAbsolutePath(), (System.nanoTime() - writing) / 1e9);
        }
        List<Path> referenceTables = data.writeReferenceTables(options.dataDirectory().resolve("tables"));

        Report report = new Report();
        try (Monitor monitor = new Monitor()) {
            new Scenario(options, data, monitor, report, progress).run(referenceTables);
            Memory.report(monitor, report);
        } finally {
            if (!keepData) {
                deleteRecursively(options.dataDirectory());
            }
        }
        report.print(System.out, List.of("tsos-monitor benchmark (issue 8)",
                String.format(Locale.ROOT, "data: seed %d, scale %s: %s", seed, scale, data.describe()),
                String.format(Locale.ROOT, "machine: %d cores, JVM %s, -Xmx %s (the service runs in the benchmark's "
                                + "JVM), %s", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.version"), Report.bytes(Monitor.maxHeap()),
                        fill == Options.Fill.copy ? "weeks between the first and the last by the bulk writer"
                                : "every week through gRPC")), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
