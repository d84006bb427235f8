package tsos.monitor.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tsos.monitor.cli.tables.TableLoader;

/**
 * The run, in the order docs/performance.md tells it: the start on an empty directory; the service started in this
 * JVM and its territories, plans and quotas loaded; week 1 through gRPC against COPY; the weeks between; a refresh
 * of the whole read model; the last weeks through gRPC against COPY; the measurements on the data in place; the
 * start on that data.
 */
final class Scenario {

    /** What is measured once every week is stored, in this order: a new figure is a class here. */
    static final List<Measurement> ON_THE_DATA = List.of(new Scrape(), new Briefing(), new MonthStatuses(),
            new ForecastsAndWeeks(), new DatabaseSize());

    private final Options options;
    private final NationalData data;
    private final Monitor monitor;
    private final Report report;
    private final PrintStream progress;

    Scenario(Options options, NationalData data, Monitor monitor, Report report, PrintStream progress) {
        this.options = options;
        this.data = data;
        this.monitor = monitor;
        this.report = report;
        this.progress = progress;
    }

    void run(List<Path> referenceTables) throws Exception {
        Path fresh = options.dataDirectory().resolve("fresh-start");
        StartTime.onEmptyDirectory(fresh, report, progress);
        Bench.deleteRecursively(fresh);

        progress.println("bench: starting the service in this JVM on an empty data directory (it is measured from "
                + "here on)");
        long indicatorSeries;
        try (MeasuredService service = MeasuredService.start(options, data, monitor, progress, report)) {
            load(service, referenceTables);
            ingestion(service);
            for (Measurement measurement : ON_THE_DATA) {
                measurement.measure(service, report);
            }
            indicatorSeries = indicatorSeries(service);
        }
        StartTime.onStoredData(options, indicatorSeries, report, progress);
    }

    /** Territories, plans and quotas from the generated tables, as `tsos load` sends them. */
    private void load(MeasuredService service, List<Path> referenceTables) throws Exception {
        service.step("registering territories, plans and quotas from the generated tables (TableLoader, as `tsos "
                + "load`)");
        var watch = monitor.start();
        TableLoader loader = new TableLoader(service.admin(), new PrintWriter(Writer.nullWriter()));
        int loaded = 0;
        for (Path table : referenceTables) {
            loaded += loader.load(table, false).rows();
        }
        progress.printf(Locale.ROOT, "bench:   %,d rows in %d tables in %.1f s%n", loaded, referenceTables.size(),
                watch.seconds());
    }

    /** (1) Week 1 into empty tables, the weeks between, a whole refresh (5), then the steady state. */
    private void ingestion(MeasuredService service) throws Exception {
        service.step("(1) ingesting week 1 through gRPC: " + data.schools().size() + " schools x "
                + NationalData.METRICS.size() + " counts, batches of " + options.batchRows() + " rows, one sender, "
                + "sequential");
        service.settle();
        GrpcWeek first = GrpcWeek.send(service, 1);
        first.print(progress);
        Optional<Double> caughtUp = service.awaitReadModelIdle();
        progress.printf(Locale.ROOT, "bench:   read model refreshed %s after the last answer%n",
                caughtUp.map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("(not seen)"));
        service.step("(1) COPY of the same rows into bench_copy (like reported_value including all: same columns, "
                + "defaults, checks and indexes), one COPY statement, " + Options.RUNS + " times");
        Ingestion.report(report, options, "week 1 into empty tables", first, 1, "bench_copy, empty",
                CopyYardstick.runs(service, 1, first.firstBatchId(), CopyYardstick.Into.EMPTY_TABLE));

        int steadyWeeks = options.steadyWeeks();
        if (options.weeks() - steadyWeeks >= 2) {
            YearFill.fill(service, report, options.weeks() - steadyWeeks);
        }
        service.awaitReadModelIdle();
        ReadModelRefresh.measure(service, report);
        if (steadyWeeks > 0) {
            steadyState(service, steadyWeeks);
        }
    }

    /** The last weeks through gRPC, each with the weeks before it stored, against COPY into reported_value. */
    private void steadyState(MeasuredService service, int steadyWeeks) throws Exception {
        int weeks = options.weeks();
        List<GrpcWeek> steady = new ArrayList<>();
        Optional<Double> settled = Optional.empty();
        for (int week = weeks - steadyWeeks + 1; week <= weeks; week++) {
            service.step("(1) ingesting week " + week + " through gRPC, with " + (week - 1) + " weeks stored "
                    + "(steady state)");
            service.settle();
            GrpcWeek stored = GrpcWeek.send(service, week);
            stored.print(progress);
            var watch = monitor.start();
            settled = service.awaitReadModelIdle();
            progress.printf(Locale.ROOT, "bench:   read model caught up %s after the last answer; %s%n",
                    settled.map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("(not seen)"),
                    watch.stop().describe());
            steady.add(stored);
        }
        GrpcWeek last = steady.get(steady.size() - 1);
        steady.sort(Comparator.comparingDouble(GrpcWeek::rate));
        service.step("(1) COPY of week " + weeks + "'s rows into reported_value itself, with its " + weeks
                + " weeks, in a transaction rolled back, " + Options.RUNS + " times");
        String which = steadyWeeks == 1 ? "week " + weeks : "weeks " + (weeks - steadyWeeks + 1) + "-" + weeks
                + (steadyWeeks % 2 == 1 ? ", median" : ", the slower");
        Ingestion.report(report, options, which, steady.get((steady.size() - 1) / 2), weeks,
                "reported_value, " + weeks + " weeks, rolled back", CopyYardstick.runs(service, weeks,
                        last.firstBatchId(), CopyYardstick.Into.REPORTED_VALUE_ROLLED_BACK));
        report.figure(5, "read model: caught up after the last answer of week " + weeks,
                settled.map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("not seen"));
    }

    /** The tsos_indicator_* series of a complete /metrics: what the restarted service must carry again. */
    private static long indicatorSeries(MeasuredService service) throws Exception {
        service.awaitReadModelIdle();
        try (InputStream body = service.http().send(service.get("/metrics").build(),
                HttpResponse.BodyHandlers.ofInputStream()).body()) {
            return Exposition.count(body).indicatorSeries();
        }
    }
}
