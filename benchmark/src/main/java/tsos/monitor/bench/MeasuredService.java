package tsos.monitor.bench;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import tsos.monitor.adapters.persistence.BulkReportWriter;
import tsos.monitor.api.v1.CreateTokenRequest;
import tsos.monitor.api.v1.SenderAdministrationGrpc;
import tsos.monitor.application.ReadModelKeeping;
import tsos.monitor.application.StatusReadModel;
import tsos.monitor.cli.BearerToken;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.service.ServiceRuntime;

/**
 * The service measured, started in the benchmark's JVM (its heap and resident set are the JVM's), with the
 * benchmark's ways into it: an administrator's and a sender's channel, HTTP for /metrics and the briefings, the
 * database through the service's own settings and role, the persistence adapter's bulk writer, and whether the
 * read model has work in hand.
 */
final class MeasuredService implements AutoCloseable {

    private final ServiceRuntime runtime;
    private final Options options;
    private final NationalData data;
    private final Monitor monitor;
    private final PrintStream progress;
    private final ManagedChannel channel;
    private final Channel admin;
    private final Channel sender;
    private final ReadModelKeeping keeping;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private MeasuredService(ServiceRuntime runtime, Options options, NationalData data, Monitor monitor,
                            PrintStream progress, ManagedChannel channel, Channel admin, Channel sender) {
        this.runtime = runtime;
        this.options = options;
        this.data = data;
        this.monitor = monitor;
        this.progress = progress;
        this.channel = channel;
        this.admin = admin;
        this.sender = sender;
        this.keeping = runtime.context().getBean(ReadModelKeeping.class);
    }

    /** Starts the service on the run's empty data directory, with a sender for every region of the data. */
    static MeasuredService start(Options options, NationalData data, Monitor monitor, PrintStream progress,
                                 Report report) throws IOException {
        if (options.serviceRefreshSeconds() > 0) {
            System.setProperty("tsos.metrics.refresh-seconds", Integer.toString(options.serviceRefreshSeconds()));
        }
        ServiceRuntime.Settings settings = new ServiceRuntime.Settings(options.dataDirectory(), 0, 0);
        var watch = monitor.start();
        ServiceRuntime runtime = ServiceRuntime.start(settings);
        double started = watch.seconds();
        if (runtime.embeddedDatabaseStartTime().isPresent()) {
            monitor.postgresData(options.dataDirectory().resolve("postgres"));
        }
        progress.printf(Locale.ROOT, "bench:   started in %.2f s (%s)%n", started,
                runtime.databaseDescription().replace(options.dataDirectory().toString(), "DATA"));
        report.note(String.format(Locale.ROOT, "The service measured runs in the benchmark's JVM "
                + "(ServiceRuntime.start: %.2f s there, embedded PostgreSQL %s); the start figures are of `tsos serve` "
                + "in a JVM of its own with the same JVM options, from the process's start to the first SERVING "
                + "health answer.", started, runtime.embeddedDatabaseStartTime().map(d -> d.toMillis() + " ms")
                .orElse("not used")));
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", runtime.grpcPort()).usePlaintext()
                .maxInboundMessageSize(256 * 1024 * 1024).build();
        Channel admin = BearerToken.attach(channel, adminToken(settings));
        var issued = SenderAdministrationGrpc.newBlockingStub(admin).createToken(CreateTokenRequest.newBuilder()
                .setSender("bench national export")
                .addAllRegions(data.regions().stream().map(NationalData.Region::code).toList())
                .build());
        MeasuredService service = new MeasuredService(runtime, options, data, monitor, progress, channel, admin,
                BearerToken.attach(channel, issued.getToken()));
        monitor.watch(service.keeping);
        return service;
    }

    private static String adminToken(ServiceRuntime.Settings settings) throws IOException {
        Path tokenFile = ServiceRuntime.adminTokenFile(settings);
        if (!Files.exists(tokenFile)) {
            throw new IllegalStateException("no administrator's token in " + tokenFile + ": the benchmark needs a "
                    + "first start on an empty data directory");
        }
        return Files.readString(tokenFile).strip();
    }

    ServiceRuntime runtime() {
        return runtime;
    }

    Options options() {
        return options;
    }

    NationalData data() {
        return data;
    }

    Monitor monitor() {
        return monitor;
    }

    /** The administrator's channel: registrations, plans, and the reads. */
    Channel admin() {
        return admin;
    }

    /** A sender's channel for every region of the data, as a federal platform's export would hold. */
    Channel sender() {
        return sender;
    }

    StatusReadModel readModel() {
        return runtime.context().getBean(StatusReadModel.class);
    }

    /** The persistence adapter's own writer, for what is loaded around the API. */
    BulkReportWriter writer() {
        return runtime.context().getBean(BulkReportWriter.class);
    }

    /** The database as the service reaches it: its settings, its role. */
    Connection database() throws SQLException {
        return DriverManager.getConnection(runtime.jdbcUrl(), runtime.databaseUser(), runtime.databasePassword());
    }

    /** The month of the last week of data: the month the gauges show. */
    String lastMonth() {
        return YearMonth.from(new IsoWeek(options.year(), options.weeks()).end()).toString();
    }

    /** One week of the data as the domain's reports of registered schools, as the store receives them. */
    List<TerritoryReport> reports(int week) {
        TerritoryDirectory territories = runtime.context().getBean(TerritoryDirectory.class);
        IsoWeek period = new IsoWeek(options.year(), week);
        List<Metric> metrics = NationalData.METRICS.stream().map(Metric::new).toList();
        List<TerritoryReport> reports = new ArrayList<>();
        for (NationalData.Report report : data.week(week)) {
            NationalData.School school = report.school();
            TerritoryCode code = TerritoryCode.school(school.municipality().region().code(),
                    school.municipality().code(), school.code());
            Territory territory = territories.find(code).orElseThrow(() -> new IllegalStateException("school "
                    + code + " is not registered"));
            Map<Metric, Long> counts = new TreeMap<>();
            for (int m = 0; m < metrics.size(); m++) {
                counts.put(metrics.get(m), report.counts()[m]);
            }
            reports.add(new TerritoryReport(territory, period, new Counts(counts)));
        }
        return reports;
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.metricsPort() + path))
                .timeout(Duration.ofMinutes(5)).GET();
    }

    HttpClient http() {
        return http;
    }

    /**
     * Waits until the read model has no work in hand: no refresh running, none waiting for the batches to pause.
     * The seconds it took, or empty when it still had work after the timeout.
     */
    Optional<Double> awaitReadModelIdle() throws InterruptedException {
        long started = System.nanoTime();
        return keeping.awaitIdle(Duration.ofMillis((long) (options.refreshTimeout() * 1000)))
                ? Optional.of((System.nanoTime() - started) / 1e9) : Optional.empty();
    }

    /**
     * Before a timed write: the read model idle and a checkpoint just made, so that every timed write starts alike
     * (a checkpoint's full-page writes falling inside one and not another moved COPY's rate by a third).
     */
    void settle() throws InterruptedException {
        awaitReadModelIdle();
        checkpoint();
    }

    void checkpoint() {
        try {
            runtime.checkpoint();
        } catch (SQLException | IOException | RuntimeException e) {
            progress.println("bench:   (no checkpoint before the timed write: " + e.getMessage() + ")");
        }
    }

    void step(String what) {
        progress.println("bench: " + what);
    }

    PrintStream progress() {
        return progress;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } finally {
            step("stopping the service");
            monitor.watch(null);
            runtime.close();
        }
    }
}
