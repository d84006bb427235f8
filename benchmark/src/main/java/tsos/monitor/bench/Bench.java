package tsos.monitor.bench;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.BelowPlanRequest;
import tsos.monitor.api.v1.CreateTokenRequest;
import tsos.monitor.api.v1.IndicatorState;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.MonthStatusesRequest;
import tsos.monitor.api.v1.MunicipalityRanking;
import tsos.monitor.api.v1.RankingRequest;
import tsos.monitor.api.v1.RegionMonthStatuses;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SenderAdministrationGrpc;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.SubmitReportsResponse;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.TerritoryReport;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.StatusReadModel;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.service.BearerToken;
import tsos.monitor.service.ServiceRuntime;
import tsos.monitor.service.tables.TableLoader;

/**
 * The benchmark of issue 8: can one small machine carry the whole country? In one run, on one machine, with the
 * service started in this JVM (embedded PostgreSQL): gRPC ingestion of a national week against PostgreSQL's own
 * COPY of the same rows; a full /metrics scrape over a year of national data; every status of one month; the
 * heap, resident set and start time; and the regional briefing page of issue 16. Each figure is printed beside its
 * target, with what would reach a missed one.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the tsos-monitor benchmark on synthetic national data and prints each figure beside its "
                + "target.", "Quick try: ./bench --scale 0.02 --weeks 2"})
public final class Bench implements Callable<Integer> {

    // Targets of issue 8.
    private static final double INGESTION_SHARE_OF_COPY = 0.50;
    private static final double SCRAPE_SECONDS = 0.250;
    private static final double STATUSES_SECONDS = 1.0;
    private static final long HEAP_BYTES = 512L * 1024 * 1024;
    private static final double START_SECONDS = 10.0;
    // Target of issue 16.
    private static final double BRIEFING_SECONDS = 1.0;
    /** Runs of COPY, and weeks of steady-state ingestion, of which the median is judged. */
    private static final int RUNS = 3;
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final String COPY_COLUMNS = "(batch_id, region, territory_id, period, period_start, period_end, "
            + "plan_month, metric, value, received_at)";

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
            + "loaded: copy (COPY straight into reported_value, one report_batch per week: fast, not measured "
            + "against a target) or grpc (through the API, as the measured weeks) (default: ${DEFAULT-VALUE}).")
    Fill fill;

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

    enum Fill { copy, grpc }

    private final PrintStream progress = System.err;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One line of the result: a figure, its target, whether met, and what would reach it. */
    private record Row(int section, String figure, String value, String target, Optional<Boolean> met,
                       String remedy) {
    }

    private static Row row(int section, String figure, String value) {
        return new Row(section, figure, value, "", Optional.empty(), "");
    }

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
        long benchStarted = System.nanoTime();
        dataDirectory = dataDirectory.toAbsolutePath();
        deleteRecursively(dataDirectory);
        Files.createDirectories(dataDirectory);

        step("generating synthetic national data (seed " + seed + ", scale " + scale + ", " + weeks + " weeks of "
                + year + ")");
        NationalData data = NationalData.generate(seed, scale, year, weeks);
        progress.println("bench:   " + data.describe());
        if (out != null) {
            var sw = System.nanoTime();
            List<Path> files = data.writeAll(out);
            progress.printf(Locale.ROOT, "bench:   %d tables written to %s in %.1f s%n", files.size(),
                    out.toAbsolutePath(), (System.nanoTime() - sw) / 1e9);
        }
        List<Path> referenceTables = data.writeReferenceTables(dataDirectory.resolve("tables"));

        try (Monitor monitor = new Monitor()) {
            run(data, referenceTables, monitor);
            heapRows(monitor, Monitor.peakResidentSet());
        } finally {
            if (!keepData) {
                deleteRecursively(dataDirectory);
            }
        }
        print(data, (System.nanoTime() - benchStarted) / 1e9);
        return 0;
    }

    private void run(NationalData data, List<Path> referenceTables, Monitor monitor) throws Exception {
        // (4) start time, as an operator sees it: `tsos serve` in a JVM of its own, on an empty data directory.
        step("(4) starting `tsos serve` in a JVM of its own on an empty data directory (PostgreSQL binaries "
                + "extracted, initdb, migrations), until the gRPC health service answers SERVING");
        Path freshDirectory = dataDirectory.resolve("fresh-start");
        ChildService.Start fresh = ChildService.start(freshDirectory, 0, 300);
        progress.printf(Locale.ROOT, "bench:   SERVING after %.2f s (%s)%n", fresh.servingSeconds(),
                fresh.databaseStart());
        rows.add(startRow("(4) start of `tsos serve`, empty data directory (initdb, migrations)",
                fresh.servingSeconds()));
        notes.add("Start, empty data directory: " + fresh.databaseStart() + " (binaries extracted, initdb).");
        deleteRecursively(freshDirectory);

        ServiceRuntime.Settings settings = new ServiceRuntime.Settings(dataDirectory, 0, 0);
        if (serviceRefreshSeconds > 0) {
            System.setProperty("tsos.metrics.refresh-seconds", Integer.toString(serviceRefreshSeconds));
        }
        step("starting the service in this JVM on an empty data directory (it is measured from here on)");
        var startWatch = monitor.start();
        ServiceRuntime service = ServiceRuntime.start(settings);
        double inJvmStart = startWatch.seconds();
        if (service.embeddedDatabaseStartTime().isPresent()) {
            monitor.postgresData(dataDirectory.resolve("postgres"));
        }
        progress.printf(Locale.ROOT, "bench:   started in %.2f s (%s)%n", inJvmStart,
                service.databaseDescription().replace(dataDirectory.toString(), "DATA"));
        notes.add(String.format(Locale.ROOT, "The service measured runs in the benchmark's JVM (ServiceRuntime.start: "
                + "%.2f s there, embedded PostgreSQL %s); the start figures are of `tsos serve` in a JVM of its own "
                + "with the same JVM options, from the process's start to the first SERVING health answer.",
                inJvmStart, service.embeddedDatabaseStartTime().map(d -> d.toMillis() + " ms").orElse("not used")));
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", service.grpcPort()).usePlaintext()
                .maxInboundMessageSize(256 * 1024 * 1024).build();
        long indicatorSeries = 0;
        try {
            Channel admin = channelFor(settings, channel);
            Channel sender = senderChannel(admin, channel, data);

            step("registering territories, plans and quotas from the generated tables (TableLoader, as `tsos load`)");
            var loadWatch = monitor.start();
            TableLoader loader = new TableLoader(admin, new PrintWriter(Writer.nullWriter()));
            int loaded = 0;
            for (Path table : referenceTables) {
                loaded += loader.load(table, false).rows();
            }
            progress.printf(Locale.ROOT, "bench:   %,d rows in %d tables in %.1f s%n", loaded, referenceTables.size(),
                    loadWatch.seconds());

            // (1) ingestion of one national week, against COPY of the same rows into an equivalent table.
            step("(1) ingesting week 1 through gRPC: " + data.schools().size() + " schools x "
                    + NationalData.METRICS.size() + " counts, batches of " + batchRows + " rows, one sender, "
                    + "sequential");
            settle(service);
            Week first = ingest(data, 1, sender, monitor);
            first.report(progress);
            Optional<Double> caughtUp = Monitor.awaitRefresherIdle(refreshTimeout);
            progress.printf(Locale.ROOT, "bench:   read model refreshed %s after the last answer%n",
                    caughtUp.map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("(not seen)"));

            try (Connection db = DriverManager.getConnection(service.jdbcUrl(), service.databaseUser(),
                    service.databasePassword())) {
                Map<String, Long> territoryIds = schoolIds(db);
                step("(1) COPY of the same rows into bench_copy (like reported_value including all: same columns, "
                        + "defaults, checks and indexes), one COPY statement, " + RUNS + " times");
                ingestionRows("week 1 into empty tables", first, 1, "bench_copy, empty",
                        copyRuns(db, data, 1, territoryIds, monitor, CopyInto.EMPTY_TABLE));

                int steadyWeeks = Math.min(RUNS, weeks - 1);
                if (weeks - steadyWeeks >= 2) {
                    fill(data, db, territoryIds, sender, monitor, weeks - steadyWeeks);
                }

                StatusReadModel readModel = service.context().getBean(StatusReadModel.class);
                Monitor.awaitRefresherIdle(refreshTimeout);
                refreshWhole(readModel, monitor);

                if (steadyWeeks > 0) {
                    List<Week> steady = new ArrayList<>();
                    Optional<Double> settled = Optional.empty();
                    for (int week = weeks - steadyWeeks + 1; week <= weeks; week++) {
                        step("(1) ingesting week " + week + " through gRPC, with " + (week - 1) + " weeks stored "
                                + "(steady state)");
                        settle(service);
                        Week stored = ingest(data, week, sender, monitor);
                        stored.report(progress);
                        var settle = monitor.start();
                        settled = Monitor.awaitRefresherIdle(refreshTimeout);
                        Monitor.Phase settling = settle.stop();
                        progress.printf(Locale.ROOT, "bench:   read model caught up %s after the last answer; %s%n",
                                settled.map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("(not seen)"),
                                settling.describe());
                        steady.add(stored);
                    }
                    steady.sort(Comparator.comparingDouble(Week::rate));
                    step("(1) COPY of week " + weeks + "'s rows into reported_value itself, with its " + weeks
                            + " weeks, in a transaction rolled back, " + RUNS + " times");
                    String which = steadyWeeks == 1 ? "week " + weeks : "weeks " + (weeks - steadyWeeks + 1) + "-"
                            + weeks + (steadyWeeks % 2 == 1 ? ", median" : ", the slower");
                    ingestionRows(which, steady.get((steady.size() - 1) / 2), weeks,
                            "reported_value, " + weeks + " weeks, rolled back",
                            copyRuns(db, data, weeks, territoryIds, monitor, CopyInto.REPORTED_VALUE_ROLLED_BACK));
                    rows.add(row(5, "read model: caught up after the last answer of week " + weeks,
                            settled.map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("not seen")));
                }

                // (2) the scrape.
                Monitor.awaitRefresherIdle(refreshTimeout);
                indicatorSeries = scrape(service, monitor, readModel);

                // (6) the briefing page of the largest region, for the month of (3), before (3) reads it.
                String month = java.time.YearMonth.from(new IsoWeek(year, weeks).end()).toString();
                briefing(service, data, month);

                // (3) every status of one month.
                statuses(service, admin, data, month, monitor);

                databaseSize(db);
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            step("stopping the service");
            service.close();
        }

        // (4) start time again, with the year of data in place.
        step("(4) starting `tsos serve` in a JVM of its own on the data directory with the stored data");
        ChildService.Start again = ChildService.start(dataDirectory, indicatorSeries, refreshTimeout);
        progress.printf(Locale.ROOT, "bench:   SERVING after %.2f s (%s); every gauge on /metrics after %s%n",
                again.servingSeconds(), again.databaseStart(), again.gaugesCompleteSeconds()
                        .map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("(not seen)"));
        rows.add(startRow("(4) start of `tsos serve`, " + weeks + " weeks of data in place", again.servingSeconds()));
        notes.add("Start, data in place: " + again.databaseStart() + ".");
        rows.add(row(4, "    then every gauge on /metrics (the read model's first refresh)",
                again.gaugesCompleteSeconds().map(s -> String.format(Locale.ROOT, "%.1f s", s)).orElse("not seen")));
    }

    /** The whole read model refreshed once, as the service does at start and every 60 s; bounded by the timeout. */
    private void refreshWhole(StatusReadModel readModel, Monitor monitor) throws InterruptedException {
        step("refreshing the whole read model once (what the service does at start and every 60 s)");
        var refreshWatch = monitor.start();
        Thread refresher = new Thread(readModel::refreshAll, "bench-refresh-all");
        refresher.setDaemon(true);
        refresher.start();
        refresher.join((long) (refreshTimeout * 1000));
        Monitor.Phase refresh = refreshWatch.stop();
        boolean finished = !refresher.isAlive();
        String value = finished ? String.format(Locale.ROOT, "%.1f s", refresh.wallSeconds())
                : String.format(Locale.ROOT, "> %.0f s", refreshTimeout);
        progress.printf(Locale.ROOT, "bench:   %s: %,d current statuses after %s; %s%n", finished ? "done"
                : "NOT FINISHED (it goes on in the background)", readModel.current().size(), value, refresh.describe());
        rows.add(row(5, "read model: one refresh of all of it (at start, then every 60 s)", value));
        notes.add("Read model refresh (StatusReadModel.refreshAll, called by the benchmark, " + value + "): "
                + refresh.describe() + ". The service runs one at start and then every tsos.metrics.refresh-seconds "
                + "(60 by default) after the last ended; the benchmark set it to " + (serviceRefreshSeconds > 0
                ? serviceRefreshSeconds + " s so that it runs only when timed here" : "the service's default")
                + (finished && serviceRefreshSeconds > 0 ? String.format(Locale.ROOT, "; at the default of 60 s the "
                + "refresher would be busy %.0f %% of the time", 100 * refresh.wallSeconds()
                / (refresh.wallSeconds() + 60)) : "") + ".");
    }

    private void fill(NationalData data, Connection db, Map<String, Long> territoryIds, Channel sender,
                      Monitor monitor, int lastFilled) throws Exception {
        step("filling weeks 2 to " + lastFilled + " (" + (fill == Fill.copy ? "COPY into reported_value" : "gRPC")
                + ")");
        var fillWatch = monitor.start();
        long filled = 0;
        for (int week = 2; week <= lastFilled; week++) {
            if (fill == Fill.copy) {
                filled += copyWeekIntoReportedValue(db, data, week, territoryIds);
            } else {
                filled += ingest(data, week, sender, monitor).values;
            }
            if (week % 10 == 0 || week == lastFilled) {
                progress.printf(Locale.ROOT, "bench:   week %d loaded (%,d values so far, %.0f s)%n", week, filled,
                        fillWatch.seconds());
            }
        }
        try (Statement analyze = db.createStatement()) {
            // What the service keeps per stored batch, for the weeks that went around it.
            analyze.execute("insert into data_month (region, municipality, metric, plan_month, latest_period_end, "
                    + "last_received, first_received) select v.region, t.municipality, v.metric, v.plan_month, "
                    + "max(v.period_end), max(v.received_at), min(v.received_at) from reported_value v join territory t on t.id = v.territory_id "
                    + "group by v.region, t.municipality, v.metric, v.plan_month on conflict (region, municipality, "
                    + "metric, plan_month) do update set latest_period_end = greatest(data_month.latest_period_end, "
                    + "excluded.latest_period_end), last_received = greatest(data_month.last_received, "
                    + "excluded.last_received)");
            // And what every stored batch does for the regions it changed: the service's region-months follow.
            analyze.execute("update region_revision set revision = revision + 1");
            analyze.execute("analyze");
        }
        Monitor.Phase phase = fillWatch.stop();
        progress.printf(Locale.ROOT, "bench:   %,d values in %.1f s = %,.0f values/s (analyze included); %s%n", filled,
                phase.wallSeconds(), filled / phase.wallSeconds(), phase.describe());
        notes.add(String.format(Locale.ROOT, "Weeks 2 to %d were loaded by %s: %,d values in %.0f s (%,.0f values/s, "
                        + "analyze included).", lastFilled, fill == Fill.copy
                        ? "COPY straight into reported_value with its indexes (one report_batch row per week, "
                        + "data_month and the regions' revisions kept as the service keeps them), the fastest honest "
                        + "path; they are not part of the ingestion figure"
                        : "gRPC, as week 1", filled, phase.wallSeconds(), filled / phase.wallSeconds()));
    }

    // ------------------------------------------------------------------ channels and tokens

    private static Channel channelFor(ServiceRuntime.Settings settings, ManagedChannel channel)
            throws IOException {
        Path tokenFile = ServiceRuntime.adminTokenFile(settings);
        if (!Files.exists(tokenFile)) {
            throw new IllegalStateException("no administrator's token in " + tokenFile + ": the benchmark needs a "
                    + "first start on an empty data directory");
        }
        return BearerToken.attach(channel, Files.readString(tokenFile).strip());
    }

    /** A sender for every region of the data, as a federal platform's export would be. */
    private static Channel senderChannel(Channel admin, ManagedChannel channel, NationalData data) {
        var issued = SenderAdministrationGrpc.newBlockingStub(admin).createToken(CreateTokenRequest.newBuilder()
                .setSender("bench national export")
                .addAllRegions(data.regions().stream().map(NationalData.Region::code).toList())
                .build());
        return BearerToken.attach(channel, issued.getToken());
    }

    // ------------------------------------------------------------------ (1) ingestion

    /** A week sent through gRPC: values stored, warnings, and the phase it took. */
    private record Week(int week, int rows, long values, int batches, int warnings, Monitor.Phase phase) {
        double rate() {
            return values / phase.wallSeconds();
        }

        void report(PrintStream progress) {
            progress.printf(Locale.ROOT, "bench:   %,d rows, %,d values in %d batches in %.2f s = %,.0f values/s "
                            + "(%d inconsistent-count warnings); %s%n", rows, values, batches, phase.wallSeconds(),
                    rate(), warnings, phase.describe());
        }
    }

    private Week ingest(NationalData data, int week, Channel sender, Monitor monitor) {
        List<NationalData.Report> reports = data.week(week);
        List<SubmitReportsRequest> requests = new ArrayList<>();
        for (int start = 0; start < reports.size(); start += batchRows) {
            SubmitReportsRequest.Builder batch = SubmitReportsRequest.newBuilder()
                    .setIdempotencyKey("bench-" + data.period(week) + "-" + (requests.size() + 1));
            for (NationalData.Report report : reports.subList(start, Math.min(reports.size(), start + batchRows))) {
                TerritoryReport.Builder row = TerritoryReport.newBuilder()
                        .setTerritory(TerritoryRef.newBuilder()
                                .setRegion(report.school().municipality().region().code())
                                .setMunicipality(report.school().municipality().code())
                                .setSchool(report.school().code()))
                        .setPeriod(report.period());
                for (int m = 0; m < NationalData.METRICS.size(); m++) {
                    row.putCounts(NationalData.METRICS.get(m), report.counts()[m]);
                }
                batch.addReports(row);
            }
            requests.add(batch.build());
        }
        reports = null;
        var stub = ReportIngestionGrpc.newBlockingStub(sender);
        if (week == 1) {
            // A service that has run for a while has its paths compiled: the first week is sent once as a dry run
            // (validated whole, nothing stored) before the clock starts, so that it is not timed with the JIT.
            requests.forEach(request -> stub.submitReports(request.toBuilder().setDryRun(true).build()));
        }
        var watch = monitor.start();
        long values = 0;
        int warnings = 0;
        int rowCount = 0;
        for (SubmitReportsRequest request : requests) {
            SubmitReportsResponse answer = stub.submitReports(request);
            values += answer.getValuesStored();
            warnings += answer.getWarningsCount();
            rowCount += request.getReportsCount();
        }
        return new Week(week, rowCount, values, requests.size(), warnings, watch.stop());
    }

    private record CopyFigure(long values, Monitor.Phase phase) {
        double rate() {
            return values / phase.wallSeconds();
        }
    }

    /**
     * Where a yardstick COPY goes: a new empty table like reported_value (as week 1 finds it), or reported_value
     * itself with the year in it (as the steady state finds it), in a transaction rolled back.
     */
    private enum CopyInto { EMPTY_TABLE, REPORTED_VALUE_ROLLED_BACK }

    private CopyFigure copyWeek(Connection db, CopyText text, Monitor monitor, CopyInto into)
            throws SQLException, IOException {
        String table = into == CopyInto.EMPTY_TABLE ? "bench_copy" : "reported_value";
        if (into == CopyInto.EMPTY_TABLE) {
            try (Statement statement = db.createStatement()) {
                statement.execute("drop table if exists " + table);
                statement.execute("drop sequence if exists " + table + "_id_seq");
                statement.execute("create sequence " + table + "_id_seq");
                statement.execute("create table " + table + " (like reported_value including all)");
                statement.execute("alter table " + table + " alter column id set default nextval('" + table
                        + "_id_seq')");
            }
        }
        checkpoint(db);
        boolean rolledBack = into == CopyInto.REPORTED_VALUE_ROLLED_BACK;
        db.setAutoCommit(!rolledBack);
        try {
            var watch = monitor.start();
            long copied = db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " " + COPY_COLUMNS
                    + " from stdin", new ByteArrayInputStream(text.bytes), 1 << 16);
            Monitor.Phase phase = watch.stop();
            if (copied != text.values) {
                throw new IllegalStateException("COPY stored " + copied + " rows of " + text.values);
            }
            return new CopyFigure(copied, phase);
        } finally {
            if (rolledBack) {
                db.rollback();
                db.setAutoCommit(true);
            }
        }
    }

    /**
     * {@link #RUNS} runs of COPY, each into a new table after a checkpoint, slowest first: the median is the
     * yardstick, as the steady state of ingestion is the median of as many weeks (either moved by a third from run
     * to run).
     */
    private List<CopyFigure> copyRuns(Connection db, NationalData data, int week, Map<String, Long> ids,
                                      Monitor monitor, CopyInto into) throws SQLException, IOException {
        long batchId = scalar(db, "select min(id) from report_batch where idempotency_key like 'bench-"
                + data.period(week) + "-%'");
        CopyText text = copyText(data.week(week), week, ids, batchId);
        List<CopyFigure> runs = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            CopyFigure copy = copyWeek(db, text, monitor, into);
            progress.printf(Locale.ROOT, "bench:   run %d: %,d values in %.2f s = %,.0f values/s; %s%n", run,
                    copy.values, copy.phase.wallSeconds(), copy.rate(), copy.phase.describe());
            runs.add(copy);
        }
        runs.sort(Comparator.comparingDouble(CopyFigure::rate));
        return runs;
    }

    /**
     * Before a timed write: the read model idle and a checkpoint just made, so that every timed write starts alike
     * (a checkpoint's full-page writes falling inside one and not another moved COPY's rate by a third).
     */
    private void settle(ServiceRuntime service) throws SQLException, InterruptedException {
        Monitor.awaitRefresherIdle(refreshTimeout);
        try (Connection db = DriverManager.getConnection(service.jdbcUrl(), service.databaseUser(),
                service.databasePassword())) {
            checkpoint(db);
        }
    }

    /** CHECKPOINT needs a superuser (the service's role is not one): the embedded database's, from its file. */
    private void checkpoint(Connection db) {
        Path superuserPassword = dataDirectory.resolve("postgres/superuser.password");
        try (Connection superuser = Files.exists(superuserPassword) ? DriverManager.getConnection(
                db.getMetaData().getURL(), "postgres", Files.readString(superuserPassword).strip()) : null;
             Statement statement = (superuser != null ? superuser : db).createStatement()) {
            statement.execute("checkpoint");
        } catch (SQLException | IOException e) {
            progress.println("bench:   (no checkpoint before the timed write: " + e.getMessage() + ")");
        }
    }

    /** The fast, honest path for the weeks that are not measured: COPY, with a batch row per week. */
    private long copyWeekIntoReportedValue(Connection db, NationalData data, int week, Map<String, Long> ids)
            throws SQLException, IOException {
        String key = "bench-copy-" + data.period(week);
        LocalDate received = new IsoWeek(year, week).end().plusDays(1);
        List<NationalData.Report> reports = data.week(week);
        long values = (long) reports.size() * NationalData.METRICS.size();
        long batchId;
        try (PreparedStatement insert = db.prepareStatement("""
                insert into report_batch (idempotency_key, fingerprint, sender, received_at, report_count,
                                          values_stored, values_superseded)
                values (?, ?, 'bench COPY fill', ?::timestamptz, ?, ?, 0) returning id""")) {
            insert.setString(1, key);
            insert.setString(2, sha256(key));
            insert.setString(3, received + " 09:00:00+03");
            insert.setInt(4, reports.size());
            insert.setLong(5, values);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                batchId = row.getLong(1);
            }
        }
        CopyText text = copyText(reports, week, ids, batchId);
        long copied = db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy reported_value " + COPY_COLUMNS
                + " from stdin", new ByteArrayInputStream(text.bytes), 1 << 16);
        if (copied != values) {
            throw new IllegalStateException("COPY stored " + copied + " rows of " + values);
        }
        return copied;
    }

    private record CopyText(byte[] bytes, long values) {
    }

    private CopyText copyText(List<NationalData.Report> reports, int week, Map<String, Long> ids, long batchId) {
        IsoWeek period = new IsoWeek(year, week);
        String fixed = "\t" + period.text() + "\t" + period.start() + "\t" + period.end() + "\t"
                + period.planMonth().atDay(1) + "\t";
        String received = "\t" + period.end().plusDays(1) + " 09:00:00+03\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(reports.size() * NationalData.METRICS.size() * 80);
        StringBuilder line = new StringBuilder(128);
        long values = 0;
        for (NationalData.Report report : reports) {
            Long territory = ids.get(key(report.school()));
            if (territory == null) {
                throw new IllegalStateException("school " + report.school().code() + " is not registered");
            }
            for (int m = 0; m < NationalData.METRICS.size(); m++) {
                line.setLength(0);
                line.append(batchId).append('\t').append(report.school().municipality().region().code())
                        .append('\t').append(territory).append(fixed).append(NationalData.METRICS.get(m))
                        .append('\t').append(report.counts()[m]).append(received);
                bytes.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                values++;
            }
        }
        return new CopyText(bytes.toByteArray(), values);
    }

    private static Map<String, Long> schoolIds(Connection db) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select id, region, municipality, school from territory "
                     + "where school <> ''")) {
            while (rows.next()) {
                ids.put(rows.getString(2) + "/" + rows.getString(3) + "/" + rows.getString(4), rows.getLong(1));
            }
        }
        return ids;
    }

    private static String key(NationalData.School school) {
        return school.municipality().region().code() + "/" + school.municipality().code() + "/" + school.code();
    }

    private static final String INGESTION_REMEDY = "binary COPY; several senders at once (the JVM's share of a "
            + "batch overlaps PostgreSQL's)";

    /**
     * @param copyWeek the week whose rows the yardstick copied
     * @param copies   the yardstick's runs, slowest first: the median is judged against
     */
    private void ingestionRows(String which, Week week, int copyWeek, String copyInto, List<CopyFigure> copies) {
        CopyFigure copy = copies.get(copies.size() / 2);
        boolean headline = rows.stream().noneMatch(r -> r.section == 1);
        rows.add(row(1, (headline ? "(1) " : "    ") + "gRPC ingestion, " + which, String.format(Locale.ROOT,
                "%,.0f values/s", week.rate())));
        rows.add(row(1, "    PostgreSQL COPY into " + copyInto + ", median of " + copies.size(), String.format(
                Locale.ROOT, "%,.0f values/s", copy.rate())));
        rows.add(row(1, "    COPY runs: slowest / median / fastest", String.format(Locale.ROOT,
                "%,.0f / %,.0f / %,.0f values/s", copies.get(0).rate(), copy.rate(),
                copies.get(copies.size() - 1).rate())));
        double ratio = week.rate() / copy.rate();
        rows.add(new Row(1, "    ingestion / COPY, " + which, String.format(Locale.ROOT, "%.1f %%", ratio * 100),
                ">= 50 %", Optional.of(ratio >= INGESTION_SHARE_OF_COPY), INGESTION_REMEDY));
        notes.add(String.format(Locale.ROOT, "Ingestion, %s (week %d): %,d school reports, %,d values in %d "
                        + "SubmitReports calls of up to %d rows, sent one after another by one client (a sender's "
                        + "token for every region) over a plaintext local channel, requests built%s before the clock "
                        + "starts; %.2f s. %s. COPY into %s: one statement, week %d's %,d rows as text built before "
                        + "the clock starts, %.2f s (the median run). %s.", which, week.week, week.rows, week.values,
                week.batches, batchRows, week.week == 1 ? " (and sent once as a dry run)" : "",
                week.phase.wallSeconds(), week.phase.describe(), copyInto, copyWeek, copy.values,
                copy.phase.wallSeconds(), copy.phase.describe()));
    }

    // ------------------------------------------------------------------ (2) the scrape

    /** Scrapes /metrics; answers the number of tsos_indicator_* series. */
    private long scrape(ServiceRuntime service, Monitor monitor, StatusReadModel readModel) throws Exception {
        step("(2) scraping /metrics as Prometheus does (Accept: OpenMetrics, Accept-Encoding: gzip)");
        var allWatch = monitor.start();
        Gets gets = timedGets(get(service, "/metrics").header("Accept", PROMETHEUS_ACCEPT)
                .header("Accept-Encoding", "gzip").build());
        Monitor.Phase all = allWatch.stop();
        byte[] body = gets.last().body();
        String encoding = gets.last().headers().firstValue("Content-Encoding").orElse("");
        long[] counted = countSeries(encoding.contains("gzip")
                ? new GZIPInputStream(new ByteArrayInputStream(body), 1 << 16) : new ByteArrayInputStream(body));
        long samples = counted[0];
        long indicatorSamples = counted[1];
        long textLength = counted[2];
        double[] seconds = gets.seconds();
        double median = gets.median();
        double max = gets.slowestOfOthers();
        progress.printf(Locale.ROOT, "bench:   first %.0f ms, then median %.0f ms, max %.0f ms over %d scrapes; "
                        + "%,d series (%,d tsos_indicator_*), %,d bytes (%,d on the wire, %s); %s%n",
                seconds[0] * 1000, median * 1000, max * 1000, gets.others(), samples, indicatorSamples, textLength,
                body.length, encoding.isEmpty() ? "identity" : encoding, all.describe());
        rows.add(new Row(2, "(2) /metrics scrape, " + weeks + " weeks of data (median of " + gets.others() + ")",
                String.format(Locale.ROOT, "%.0f ms", median * 1000), "< 250 ms",
                Optional.of(median < SCRAPE_SECONDS),
                "fewer series (numerator, denominator and both timestamps are derivable or per region only); render "
                        + "the exposition once per read-model refresh and serve the cached bytes; municipality "
                        + "series on a second endpoint scraped less often"));
        rows.add(row(2, "    first scrape / slowest of the others", String.format(Locale.ROOT, "%.0f / %.0f ms",
                seconds[0] * 1000, max * 1000)));
        rows.add(row(2, "    series in one scrape (of them tsos_indicator_*)", String.format(Locale.ROOT,
                "%,d (%,d)", samples, indicatorSamples)));
        rows.add(row(2, "    exposition size (gzip on the wire)", String.format(Locale.ROOT, "%s (%s)",
                bytesExact(textLength), bytesExact(body.length))));
        rows.add(row(2, "    read model statuses behind them", String.format(Locale.ROOT, "%,d",
                readModel.current().size())));
        notes.add(String.format(Locale.ROOT, "Scrape: %s bytes of exposition (%s on the wire, %s), timed from the "
                        + "request to the last byte received, one scrape after another.", String.format(Locale.ROOT,
                        "%,d", textLength), String.format(Locale.ROOT, "%,d", body.length),
                encoding.isEmpty() ? "uncompressed" : encoding) + " " + all.describe() + ".");
        return indicatorSamples;
    }

    /** Renders the briefing page of the region with the most municipalities (then schools), for one month. */
    private void briefing(ServiceRuntime service, NationalData data, String month) throws Exception {
        NationalData.Region largest = data.regions().stream().max(Comparator
                .comparingInt((NationalData.Region region) -> region.municipalities().size())
                .thenComparingInt(NationalData.Region::schoolCount)).orElseThrow();
        String page = "/briefings/" + largest.code() + "/" + month;
        step("(6) rendering the briefing page " + page + " (" + largest.municipalities().size() + " municipalities, "
                + largest.schoolCount() + " schools)");
        Gets gets = timedGets(get(service, page).header("Accept", "text/html").build());
        progress.printf(Locale.ROOT, "bench:   first %.0f ms, then median %.0f ms, max %.0f ms over %d requests; "
                        + "%,d bytes%n", gets.seconds()[0] * 1000, gets.median() * 1000, gets.slowestOfOthers() * 1000,
                gets.others(), gets.last().body().length);
        rows.add(new Row(6, "(6) briefing page of the largest region, " + month + " (median of " + gets.others()
                + ")", String.format(Locale.ROOT, "%.0f ms", gets.median() * 1000), "< 1 s",
                Optional.of(gets.median() < BRIEFING_SECONDS), "keep the rendered page per region-month while its "
                + "revision is current; draw the charts from the region-month's statuses already in memory"));
        rows.add(row(6, "    first request / slowest of the others", String.format(Locale.ROOT, "%.0f / %.0f ms",
                gets.seconds()[0] * 1000, gets.slowestOfOthers() * 1000)));
        rows.add(row(6, "    region " + largest.code() + ": municipalities / schools / page", String.format(
                Locale.ROOT, "%d / %,d / %s", largest.municipalities().size(), largest.schoolCount(),
                bytesExact(gets.last().body().length))));
        notes.add("Briefing: GET " + page + " (HTML, no gzip) on the HTTP port of /metrics, timed from the request to "
                + "the last byte received, one request after another, after the scrape and before (3).");
    }

    private HttpRequest.Builder get(ServiceRuntime service, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.metricsPort() + path))
                .timeout(Duration.ofMinutes(5)).GET();
    }

    /** One request sent {@code scrapes + 1} times, one after another: each time in seconds and the last answer. */
    private record Gets(double[] seconds, HttpResponse<byte[]> last) {

        int others() {
            return seconds.length - 1;
        }

        /** The median of the requests after the first (the first alone when there are none). */
        double median() {
            double[] sorted = sortedOthers();
            return sorted[sorted.length / 2];
        }

        double slowestOfOthers() {
            double[] sorted = sortedOthers();
            return sorted[sorted.length - 1];
        }

        private double[] sortedOthers() {
            double[] sorted = seconds.length == 1 ? seconds.clone() : Arrays.copyOfRange(seconds, 1, seconds.length);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private Gets timedGets(HttpRequest request) throws IOException, InterruptedException {
        double[] seconds = new double[scrapes + 1];
        HttpResponse<byte[]> response = null;
        for (int i = 0; i <= scrapes; i++) {
            long started = System.nanoTime();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            seconds[i] = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode());
            }
        }
        return new Gets(seconds, response);
    }

    /**
     * Counts the samples of an exposition (lines that are neither empty nor comments), those of tsos_indicator_*,
     * and its bytes, streaming: a national exposition is tens of MB, which the benchmark must not hold.
     */
    static long[] countSeries(InputStream in) throws IOException {
        byte[] prefix = "tsos_indicator_".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[1 << 16];
        long samples = 0;
        long indicators = 0;
        long length = 0;
        int column = 0;
        boolean sample = false;
        boolean indicator = false;
        for (int read; (read = in.read(buffer)) > 0; ) {
            length += read;
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    samples += sample ? 1 : 0;
                    indicators += sample && indicator && column >= prefix.length ? 1 : 0;
                    column = 0;
                    continue;
                }
                if (column == 0) {
                    sample = b != '#';
                    indicator = true;
                }
                if (column < prefix.length && b != prefix[column]) {
                    indicator = false;
                }
                column++;
            }
        }
        if (column > 0) {
            samples += sample ? 1 : 0;
            indicators += sample && indicator && column >= prefix.length ? 1 : 0;
        }
        return new long[] {samples, indicators, length};
    }

    // ------------------------------------------------------------------ (3) the month's statuses

    /** What one national ListMonthStatuses call answered. */
    private record MonthAnswer(double seconds, long statuses, long belowPlan, long ranked) {
    }

    private MonthAnswer monthStatuses(IndicatorStatusesGrpc.IndicatorStatusesBlockingStub stub, String month) {
        long started = System.nanoTime();
        long statuses = 0;
        long below = 0;
        long ranked = 0;
        var answers = stub.listMonthStatuses(MonthStatusesRequest.newBuilder().setMonth(month).build());
        while (answers.hasNext()) {
            RegionMonthStatuses region = answers.next();
            List<IndicatorStatus> all = new ArrayList<>(region.getRegionStatusesList());
            for (MunicipalityRanking ranking : region.getRankingsList()) {
                ranking.getMunicipalitiesList().forEach(m -> all.add(m.getStatus()));
                ranked += ranking.getMunicipalitiesList().stream().filter(m -> m.getPlace() > 0).count();
            }
            statuses += all.size();
            below += all.stream().filter(status -> status.getState() == IndicatorState.BELOW_PLAN).count();
        }
        return new MonthAnswer((System.nanoTime() - started) / 1e9, statuses, below, ranked);
    }

    private void statuses(ServiceRuntime service, Channel channel, NationalData data, String month, Monitor monitor)
            throws InterruptedException {
        List<String> indicators = service.context().getBean(StatusQueries.class).catalogue().all().stream()
                .map(indicator -> indicator.code().value()).toList();
        int rankingCalls = data.regions().size() * indicators.size();
        step("(3) every status of " + month + ": ListMonthStatuses for the country; then ListBelowPlan for the "
                + "country and RankMunicipalities for each of " + data.regions().size() + " regions x "
                + indicators.size() + " indicators, through gRPC");
        var stub = IndicatorStatusesGrpc.newBlockingStub(channel).withMaxInboundMessageSize(256 * 1024 * 1024);
        double[] totals = new double[statusRuns];
        MonthAnswer answer = null;
        double belowSeconds = 0;
        double rankSeconds = 0;
        int below = 0;
        long ranked = 0;
        int failures = 0;
        Monitor.Phase lastPhase = null;
        for (int run = 0; run < statusRuns; run++) {
            Monitor.awaitRefresherIdle(refreshTimeout);
            var watch = monitor.start();
            answer = monthStatuses(stub, month);
            lastPhase = watch.stop();
            totals[run] = answer.seconds();
            long started = System.nanoTime();
            below = stub.listBelowPlan(BelowPlanRequest.newBuilder().setMonth(month).build()).getStatusesCount();
            belowSeconds = (System.nanoTime() - started) / 1e9;
            long rankingStarted = System.nanoTime();
            ranked = 0;
            for (NationalData.Region region : data.regions()) {
                for (String indicator : indicators) {
                    try {
                        ranked += stub.rankMunicipalities(RankingRequest.newBuilder().setRegion(region.code())
                                .setIndicator(indicator).setMonth(month).build()).getMunicipalitiesCount();
                    } catch (StatusRuntimeException e) {
                        failures++;
                    }
                }
            }
            rankSeconds = (System.nanoTime() - rankingStarted) / 1e9;
            progress.printf(Locale.ROOT, "bench:   run %d: ListMonthStatuses %.2f s (%,d statuses, %,d below plan, "
                            + "%,d municipalities ranked; %s); then ListBelowPlan %,d statuses in %.2f s and %d "
                            + "RankMunicipalities calls, %,d municipalities, in %.2f s%n", run + 1, totals[run],
                    answer.statuses(), answer.belowPlan(), answer.ranked(), lastPhase.describe(), below,
                    belowSeconds, rankingCalls, ranked, rankSeconds);
        }
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        rows.add(new Row(3, "(3) every status of " + month + ", ListMonthStatuses (median of " + statusRuns + ")",
                String.format(Locale.ROOT, "%.2f s", median), "< 1 s", Optional.of(median < STATUSES_SECONDS),
                "the month's counts kept in memory by the read model (a region-month per region, current while "
                        + "its revision is), the statuses computed once per region-month"));
        rows.add(row(3, "    statuses / below plan / municipalities with a place", String.format(Locale.ROOT,
                "%,d / %,d / %,d", answer.statuses(), answer.belowPlan(), answer.ranked())));
        rows.add(row(3, "    ListBelowPlan + " + rankingCalls + " RankMunicipalities calls (last run)",
                String.format(Locale.ROOT, "%.2f s + %.2f s", belowSeconds, rankSeconds)));
        if (failures > 0) {
            notes.add(failures + " RankMunicipalities calls failed in the status runs.");
        }
        java.time.YearMonth earlier = java.time.YearMonth.parse(month).minusMonths(1);
        if (!earlier.isBefore(java.time.YearMonth.from(new IsoWeek(year, 1).end()))) {
            var watch = monitor.start();
            MonthAnswer cold = monthStatuses(stub, earlier.toString());
            Monitor.Phase coldPhase = watch.stop();
            progress.printf(Locale.ROOT, "bench:   %s, not in memory: %.2f s (%,d statuses); %s%n", earlier,
                    cold.seconds(), cold.statuses(), coldPhase.describe());
            rows.add(row(3, "    ListMonthStatuses for " + earlier + ", loaded from PostgreSQL",
                    String.format(Locale.ROOT, "%.2f s", cold.seconds())));
            notes.add(String.format(Locale.ROOT, "Statuses of %s, a month the read model does not hold, loaded "
                    + "region by region from PostgreSQL: %.2f s; %s", earlier, cold.seconds(), coldPhase.describe()));
        }
        notes.add(String.format(Locale.ROOT, "Statuses of %s: ListMonthStatuses answers every status of every "
                        + "region and municipality for each of the %d indicators, with each municipality's place in "
                        + "its region. Runs: %s s. Last run: %s", month, indicators.size(),
                Arrays.stream(totals).mapToObj(t -> String.format(Locale.ROOT, "%.2f", t))
                        .reduce((x, y) -> x + ", " + y).orElse(""), lastPhase == null ? "" : lastPhase.describe()));
    }

    private void databaseSize(Connection db) throws SQLException {
        long table = scalar(db, "select pg_total_relation_size('reported_value')");
        long database = scalar(db, "select pg_database_size(current_database())");
        long values = scalar(db, "select coalesce(sum(values_stored), 0) from report_batch");
        notes.add(String.format(Locale.ROOT, "Database: %,d values stored; reported_value with its indexes %s, the "
                + "whole database %s.", values, bytes(table), bytes(database)));
    }

    // ------------------------------------------------------------------ (4) memory and start

    private void heapRows(Monitor monitor, long peakResidentSet) {
        long max = Monitor.maxHeap();
        rows.add(new Row(4, "(4) peak heap in use after a collection (what is live)", bytes(monitor.peakHeapAfterGc()),
                "< 512 MB", Optional.of(monitor.peakHeapAfterGc() < HEAP_BYTES), "less kept in memory: fewer "
                + "region-months (tsos.status.region-months-kept), a read model of fewer series"));
        rows.add(row(4, "    peak heap used, sampled every 50 ms / -Xmx", bytes(monitor.peakHeapUsed()) + " / "
                + bytes(max)));
        rows.add(row(4, "    peak heap committed", bytes(monitor.peakHeapCommitted())));
        rows.add(row(4, "    time in garbage collection (all collectors)", String.format(Locale.ROOT, "%.1f s",
                Monitor.gcSeconds())));
        rows.add(row(4, "(4) peak RSS of the JVM (VmHWM)", peakResidentSet < 0 ? "unknown"
                : bytes(peakResidentSet)));
        notes.add("Memory is that of this one JVM, which runs the service and the benchmark's client, under -Xmx "
                + bytes(max) + " (./bench gives -Xmx512m: the target is the limit, so a run that completes shows "
                + "the service fits in it; the collector's pressure shows in the time it took): the client holds "
                + "the synthetic country (~10 MB), a week's requests or COPY text (~30 MB) while it sends them. "
                + "PostgreSQL runs in its own processes and is not counted. The sum of the heap pools' own peaks "
                + "(an upper bound) was " + bytes(Monitor.heapPoolPeaks()) + ".");
    }

    private static Row startRow(String figure, double seconds) {
        return new Row(4, figure, String.format(Locale.ROOT, "%.2f s", seconds), "< 10 s",
                Optional.of(seconds < START_SECONDS), "fewer beans at start (Micronaut AOT, lazy gRPC "
                + "reflection); the binaries are already kept extracted and the read model's first refresh is off "
                + "the start path");
    }

    // ------------------------------------------------------------------ printing

    private void print(NationalData data, double totalSeconds) {
        PrintStream out = System.out;
        out.println();
        out.println("tsos-monitor benchmark (issue 8)");
        out.printf(Locale.ROOT, "data: seed %d, scale %s: %s%n", seed, scale, data.describe());
        out.printf(Locale.ROOT, "machine: %d cores, JVM %s, -Xmx %s (the service runs in the benchmark's JVM), %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                bytes(Monitor.maxHeap()), fill == Fill.copy ? "weeks between the first and the last by COPY"
                        : "every week through gRPC");
        out.println();
        int width = rows.stream().mapToInt(r -> r.figure.length()).max().orElse(40);
        int valueWidth = Math.max(14, rows.stream().mapToInt(r -> r.value.length()).max().orElse(14));
        String format = "%-" + width + "s  %" + valueWidth + "s  %-9s %s%n";
        out.printf(Locale.ROOT, format, "figure", "value", "target", "");
        List<Row> sorted = rows.stream().sorted(Comparator.comparingInt(Row::section)).toList();
        for (Row row : sorted) {
            out.printf(Locale.ROOT, format, row.figure, row.value, row.target,
                    row.met.map(met -> met ? "met" : "MISSED").orElse(""));
        }
        List<Row> missed = sorted.stream().filter(r -> r.met.isPresent() && !r.met.get()).toList();
        out.println();
        if (missed.isEmpty()) {
            out.println("Every target is met.");
        } else {
            out.println("Missed, and what would reach it:");
            Map<String, List<String>> byRemedy = new java.util.LinkedHashMap<>();
            missed.forEach(row -> byRemedy.computeIfAbsent(row.remedy, r -> new ArrayList<>()).add(row.figure.strip()));
            byRemedy.forEach((remedy, figures) -> out.println("- " + String.join("; ", figures) + ": " + remedy
                    + "."));
        }
        out.println();
        out.println("How it was measured:");
        notes.forEach(note -> out.println("- " + note));
        out.printf(Locale.ROOT, "%nThe benchmark took %.0f s in all.%n", totalSeconds);
    }

    private void step(String what) {
        progress.println("bench: " + what);
    }

    private static long scalar(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static String bytesExact(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }

    static String bytes(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes >= 10L * 1024 * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
        }
        return String.format(Locale.ROOT, "%,d MB", Math.round(bytes / (1024.0 * 1024)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
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
