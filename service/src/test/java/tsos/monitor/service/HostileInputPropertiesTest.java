package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.TerritoryReport;
import tsos.monitor.cli.BearerToken;
import tsos.monitor.cli.tables.TableException;
import tsos.monitor.cli.tables.TableLoader;

/**
 * Random and hostile input through the real protobuf mapping and the real TSV reading — huge and negative
 * numbers, unknown codes, malformed periods, very long strings, control characters — gets a clear answer:
 * stored, or refused with a status a client can act on; never an exception escaping as UNKNOWN or INTERNAL.
 * What may be stored goes to Dagestan (05) only, which no other test reads.
 */
class HostileInputPropertiesTest {

    private static final Set<Status.Code> CLEAR_ANSWERS = Set.of(Status.Code.INVALID_ARGUMENT,
            Status.Code.ALREADY_EXISTS, Status.Code.PERMISSION_DENIED);

    private static Path files;
    private static ServiceRuntime service;
    private static ManagedChannel managed;
    private static Channel channel;

    @BeforeContainer
    static void start() throws IOException {
        files = Files.createTempDirectory("tsos-hostile");
        service = SharedDatabase.service(files);
        managed = service.channel();
        channel = BearerToken.attach(managed, Tokens.forRegions(service, "ИС Дагестана", "05"));
    }

    @AfterContainer
    static void stop() {
        managed.shutdownNow();
        service.close();
    }

    @Property(tries = 200)
    void any_batch_is_stored_or_refused_clearly(@ForAll("batches") SubmitReportsRequest batch) {
        try {
            ReportIngestionGrpc.newBlockingStub(channel).submitReports(batch);
        } catch (StatusRuntimeException e) {
            assertTrue(CLEAR_ANSWERS.contains(e.getStatus().getCode()), e.getStatus().toString());
        }
    }

    @Property(tries = 100)
    void any_table_loads_or_names_its_problems(@ForAll("tables") String table, @ForAll byte[] garbage)
            throws IOException {
        Path file = Files.createTempFile(files, "table", ".tsv");
        // The text as UTF-8 (unpaired surrogates become '?'), sometimes followed by bytes that are not UTF-8.
        byte[] text = table.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(text, text.length + (garbage.length % 3 == 0 ? garbage.length : 0));
        System.arraycopy(garbage, 0, bytes, text.length, bytes.length - text.length);
        Files.write(file, bytes);
        try {
            new TableLoader(channel, new PrintWriter(new StringWriter())).load(file, true);
        } catch (TableException e) {
            assertTrue(e.problems().stream().allMatch(p -> !p.reason().isBlank()), e.problems().toString());
        } catch (StatusRuntimeException e) {
            assertTrue(CLEAR_ANSWERS.contains(e.getStatus().getCode()), e.getStatus().toString());
        }
    }

    @Provide
    Arbitrary<SubmitReportsRequest> batches() {
        Arbitrary<TerritoryReport> report = Combinators.combine(regions(), hostile("amursky", "Амурский район"),
                        hostile("", "1"), periods(), counts())
                .as((region, municipality, school, period, counts) -> TerritoryReport.newBuilder()
                        .setTerritory(TerritoryRef.newBuilder().setRegion(region).setMunicipality(municipality)
                                .setSchool(school))
                        .setPeriod(period).putAllCounts(counts).build());
        return Combinators.combine(hostile("batch-a", "batch-b"), report.list().ofMaxSize(6),
                        Arbitraries.of(true, false))
                .as((key, reports, dryRun) -> SubmitReportsRequest.newBuilder().setIdempotencyKey(key)
                        .addAllReports(reports).setDryRun(dryRun).build());
    }

    @Provide
    Arbitrary<String> tables() {
        Arbitrary<String> header = Arbitraries.of("region\tperiod\tstudents_with_access\tstudents_total",
                "region\tmunicipality\tperiod\tteachers_total", "region\tyear\tindicator\tjan\tfeb\tmar\tapr\tmay\tjun"
                        + "\tjul\taug\tsep\toct\tnov\tdec", "region\tmunicipality\tyear\tindicator\tquota",
                "region\tmunicipality_code\tmunicipality_name", "nonsense\theader", "");
        Arbitrary<String> cell = Arbitraries.oneOf(regions(), periods(), hostile("12", "48.25"),
                Arbitraries.longs().map(n -> Long.toString(n)), Arbitraries.of("2.1", "2022", "-5", "1e9", "\"", "#"));
        Arbitrary<String> line = cell.list().ofMinSize(0).ofMaxSize(15).map(cells -> String.join("\t", cells));
        return Combinators.combine(header, line.list().ofMaxSize(8))
                .as((head, lines) -> head + "\n" + String.join("\n", lines));
    }

    private static Arbitrary<String> regions() {
        return Arbitraries.oneOf(Arbitraries.of("05", "05", "27", "00", "99", "5", "", "ab"), anyText());
    }

    private static Arbitrary<String> periods() {
        return Arbitraries.oneOf(Arbitraries.of("2023-03", "2023-W14", "2023-02-20/2023-02-22", "2023-13",
                        "2023-W54", "0000-00", "99999-01", "2023-02-22/2023-02-20", "2023-01-01/2023-12-31"),
                anyText());
    }

    private static Arbitrary<Map<String, Long>> counts() {
        Arbitrary<String> metric = Arbitraries.oneOf(Arbitraries.of("students_total", "students_with_access",
                "teachers_total", "schools_total", "no_such_metric", "Students", ""), anyText());
        Arbitrary<Long> count = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 500_000),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L));
        return Arbitraries.maps(metric, count).ofMaxSize(5);
    }

    private static Arbitrary<String> hostile(String... plausible) {
        return Arbitraries.oneOf(Arbitraries.of(List.of(plausible)), anyText());
    }

    /** Any text, control characters and NUL included, up to very long. */
    private static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(10),
                Arbitraries.strings().alpha().ofMinLength(1000).ofMaxLength(5000));
    }
}
