package tsos.monitor.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * (4) The start as an operator sees it: `tsos serve` in a JVM of its own, from the process's start to the first
 * SERVING of the gRPC health service; on an empty data directory, and on the data the run stored.
 */
final class StartTime {

    private static final double TARGET_SECONDS = 10.0;

    private StartTime() {
    }

    /** On an empty data directory: PostgreSQL's binaries extracted, initdb, the migrations. */
    static void onEmptyDirectory(Path directory, Report report, PrintStream progress) throws Exception {
        progress.println("bench: (4) starting `tsos serve` in a JVM of its own on an empty data directory (PostgreSQL "
                + "binaries extracted, initdb, migrations), until the gRPC health service answers SERVING");
        ChildService.Start fresh = ChildService.start(directory, 0, 300);
        progress.printf(Locale.ROOT, "bench:   SERVING after %.2f s (%s)%n", fresh.servingSeconds(),
                fresh.databaseStart());
        judge(report, "(4) start of `tsos serve`, empty data directory (initdb, migrations)", fresh.servingSeconds());
        report.note("Start, empty data directory: " + fresh.databaseStart() + " (binaries extracted, initdb).");
    }

    /** On the data in place: then also the time until /metrics carries every series of the run's service. */
    static void onStoredData(Options options, long indicatorSeries, Report report, PrintStream progress)
            throws Exception {
        progress.println("bench: (4) starting `tsos serve` in a JVM of its own on the data directory with the stored "
                + "data");
        ChildService.Start again = ChildService.start(options.dataDirectory(), indicatorSeries,
                options.refreshTimeout());
        progress.printf(Locale.ROOT, "bench:   SERVING after %.2f s (%s); every gauge on /metrics after %s%n",
                again.servingSeconds(), again.databaseStart(), again.gaugesCompleteSeconds()
                        .map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("(not seen)"));
        judge(report, "(4) start of `tsos serve`, " + options.weeks() + " weeks of data in place",
                again.servingSeconds());
        report.note("Start, data in place: " + again.databaseStart() + ".");
        report.figure(4, "    then every gauge on /metrics (the read model's first refresh)",
                again.gaugesCompleteSeconds().map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("not seen"));
    }

    private static void judge(Report report, String figure, double seconds) {
        report.judged(4, figure, Report.seconds(seconds), "< 10 s", seconds < TARGET_SECONDS, "fewer beans at start "
                + "(Micronaut AOT, lazy gRPC reflection); the binaries are already kept extracted and the read "
                + "model's first refresh is off the start path");
    }
}
