package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.cli.BearerToken;

/**
 * The service's own embedded PostgreSQL, as `tsos serve` runs it: killed in the middle of a stream it comes back
 * by itself and keeps every batch it acknowledged, once; no other account gets in or reads its passwords; nothing
 * under the data directory can be changed by another account.
 */
class EmbeddedDatabaseTrustTest {

    private static final String[] REGIONS = {"57", "58", "59", "60"};
    /** The suite's short run; ./faults runs longer ones, and with SIGQUIT too. */
    private static final int BATCHES_PER_SENDER = Integer.getInteger("tsos.faults.batches", 60);
    private static final String SIGNAL = System.getProperty("tsos.faults.signal", "KILL");
    private static final int ROWS = 100;
    private static final int KILL_AFTER_ACKNOWLEDGED = 60;

    @TempDir
    static Path data;

    private static ServiceRuntime service;

    @BeforeAll
    static void start() {
        service = ServiceRuntime.start(new ServiceRuntime.Settings(data, 0, 0), Optional.empty());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void every_acknowledged_batch_survives_the_database_killed_mid_stream_once_and_whole() throws Exception {
        ManagedChannel managed = service.channel();
        Channel sender = BearerToken.attach(managed, Tokens.admin(service));
        var ingestion = ReportIngestionGrpc.newBlockingStub(sender);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> codes = new ConcurrentHashMap<>();
        CountDownLatch enoughAcknowledged = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
        ExecutorService senders = Executors.newFixedThreadPool(REGIONS.length);
        long started = System.nanoTime();
        try {
            List<Future<?>> streams = Stream.of(REGIONS).<Future<?>>map(region -> senders.submit(() -> {
                for (int b = 0; b < BATCHES_PER_SENDER; b++) {
                    String key = "killed-" + region + "-" + b;
                    SubmitReportsRequest batch = SenderTrustTest.batch(key, region, "", ROWS, b * ROWS);
                    sendUntilAcknowledged(ingestion, batch, codes);
                    acknowledged.add(key);
                    enoughAcknowledged.countDown();
                }
                return null;
            })).toList();
            assertTrue(enoughAcknowledged.await(120, TimeUnit.SECONDS), "the stream got going");
            long postmaster = postmasterPid();
            new ProcessBuilder("kill", "-" + SIGNAL, Long.toString(postmaster)).inheritIO().start().waitFor();
            int acknowledgedAtTheKill = acknowledged.size();
            for (Future<?> stream : streams) {
                stream.get(5, TimeUnit.MINUTES);
            }
            assertNotEquals(postmaster, postmasterPid(), "the service started a new postmaster");

            Map<String, Integer> valuesPerBatch = new HashMap<>();
            Map<String, Integer> rowsPerKey = new HashMap<>();
            try (Connection connection = DriverManager.getConnection(service.jdbcUrl(), service.databaseUser(),
                    service.databasePassword());
                 ResultSet rows = connection.createStatement().executeQuery("""
                         select b.idempotency_key, count(v.batch_id) from report_batch b
                         left join reported_value v on v.batch_id = b.id
                         where b.idempotency_key like 'killed-%' group by b.id, b.idempotency_key""")) {
                while (rows.next()) {
                    valuesPerBatch.put(rows.getString(1), rows.getInt(2));
                    rowsPerKey.merge(rows.getString(1), 1, Integer::sum);
                }
            }
            long lost = acknowledged.stream().filter(key -> !valuesPerBatch.containsKey(key)).count();
            long duplicated = rowsPerKey.values().stream().filter(n -> n > 1).count();
            long notWhole = valuesPerBatch.values().stream().filter(n -> n != ROWS * 2).count();
            System.out.printf("database killed (SIG%s of the postmaster) after %d acknowledged batches: %d senders,"
                            + " %d batches of %d rows acknowledged, %d present, %d lost, %d duplicated, %d not whole;"
                            + " answers before success: %s; %.1f s%n", SIGNAL, acknowledgedAtTheKill, REGIONS.length,
                    acknowledged.size(), ROWS, valuesPerBatch.size(), lost, duplicated, notWhole, codes,
                    (System.nanoTime() - started) / 1e9);
            assertEquals(REGIONS.length * BATCHES_PER_SENDER, acknowledged.size(), "every batch acknowledged");
            assertEquals(0, lost, "acknowledged batches missing");
            assertEquals(0, duplicated, "batches stored twice");
            assertEquals(0, notWhole, "batches stored in part");
        } finally {
            senders.shutdownNow();
            managed.shutdownNow();
        }
    }

    @Test
    void another_account_can_neither_connect_to_the_database_nor_read_its_passwords() throws Exception {
        Path postgres = data.resolve("postgres");
        int port = Integer.parseInt(service.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
        for (String role : List.of("tsos", "postgres")) {
            Run psql = asNobody("psql", "-w", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", role,
                    "-d", "tsos", "-c", "select 1");
            assertNotEquals(0, psql.exit(), "nobody connected as " + role + ": " + psql.output());
            assertTrue(psql.output().contains("password"), "refused for want of a password: " + psql.output());
            System.out.printf("nobody as %s: %s%n", role, psql.output().strip());
        }
        for (Path secret : List.of(postgres.resolve("service.password"), postgres.resolve("superuser.password"),
                data.resolve("admin-token"))) {
            Run cat = asNobody("cat", secret.toString());
            assertNotEquals(0, cat.exit(), "nobody read " + secret);
            assertTrue(cat.output().contains("Permission denied"), cat.output());
        }
    }

    @Test
    void nothing_under_the_data_directory_is_writable_by_others_and_the_secrets_are_owner_only()
            throws IOException {
        try (Stream<Path> everything = Files.walk(data)) {
            List<String> writable = everything.filter(path -> !Files.isSymbolicLink(path))
                    .filter(path -> {
                        Set<PosixFilePermission> mode = permissions(path);
                        return mode.contains(PosixFilePermission.OTHERS_WRITE)
                                || mode.contains(PosixFilePermission.GROUP_WRITE);
                    })
                    .map(path -> path + " " + PosixFilePermissions.toString(permissions(path)))
                    .toList();
            assertEquals(List.of(), writable, "writable by group or others");
        }
        assertEquals("rwx------", PosixFilePermissions.toString(permissions(data)));
        assertEquals("rwx------", PosixFilePermissions.toString(permissions(data.resolve("postgres-binaries"))));
        for (Path secret : List.of(data.resolve("postgres/service.password"),
                data.resolve("postgres/superuser.password"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(permissions(secret)), secret.toString());
        }
    }

    private static Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Run(int exit, String output) {
    }

    /** Runs a command as the account nobody (the tests run as root, here and in CI). */
    private static Run asNobody(String... command) throws IOException, InterruptedException {
        List<String> asNobody = Stream.concat(Stream.of("runuser", "-u", "nobody", "--"), Stream.of(command))
                .toList();
        ProcessBuilder builder = new ProcessBuilder(asNobody).redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        builder.environment().put("PGCONNECT_TIMEOUT", "5");
        Process process = builder.directory(Path.of("/").toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
    }

    private static void sendUntilAcknowledged(ReportIngestionGrpc.ReportIngestionBlockingStub ingestion,
                                              SubmitReportsRequest batch, Map<String, AtomicInteger> codes)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                ingestion.withDeadlineAfter(60, TimeUnit.SECONDS).submitReports(batch);
                return;
            } catch (StatusRuntimeException e) {
                // The same idempotency key again: a batch stored before the answer was lost is answered as a
                // replay, never stored twice. Whatever the code, the sender cannot know, so it asks again.
                codes.computeIfAbsent(e.getStatus().getCode().name(), code -> new AtomicInteger()).incrementAndGet();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
