package tsos.monitor.cli.tables;

import com.google.rpc.BadRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import tsos.monitor.api.FieldPath;
import tsos.monitor.api.v1.CatalogueGrpc;
import tsos.monitor.api.v1.IndicatorList;
import tsos.monitor.api.v1.ListIndicatorsRequest;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.RegisterTerritoriesRequest;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SetMonthlyPlansRequest;
import tsos.monitor.api.v1.SetQuotasRequest;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.SubmitReportsResponse;
import tsos.monitor.api.v1.TerritoryReport;

/**
 * Loads a table into the service through its gRPC API, all or nothing per file: the whole file is checked
 * (locally, then by the service in a dry run) before anything is stored. Reports go in batches whose
 * idempotency keys come from the file's content, so loading the same file again stores nothing twice.
 */
public final class TableLoader {

    /**
     * What a load did, or in a dry run would do: values are those stored by this load (or that it would store),
     * not those of batches stored by an earlier load of the same file.
     */
    public record Summary(Path file, TableKind kind, Charset charset, boolean dryRun, int rows, int values,
                          int valuesSuperseded, int batchesReplayed, List<String> warnings) {
    }

    private static final int ROWS_PER_BATCH = 10_000;
    /** The service names other rows of a request by their 0-based index; a person reads lines of the file. */
    private static final Pattern ROW_OF_REQUEST = Pattern.compile("\\brow (\\d+)\\b");
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "municipalities.municipality", "municipality_code", "municipalities.name", "municipality_name",
            "schools.municipality", "municipality_code", "schools.school", "school_code", "schools.name", "school_name",
            "plans.months", "", "plans.year", "year");

    private final ReportIngestionGrpc.ReportIngestionBlockingStub reports;
    private final CatalogueGrpc.CatalogueBlockingStub catalogue;
    private final PlanningGrpc.PlanningBlockingStub planning;
    private final PrintWriter progress;

    public TableLoader(Channel channel, PrintWriter progress) {
        this.reports = ReportIngestionGrpc.newBlockingStub(channel);
        this.catalogue = CatalogueGrpc.newBlockingStub(channel);
        this.planning = PlanningGrpc.newBlockingStub(channel);
        this.progress = progress;
    }

    public Summary load(Path file, boolean dryRun) {
        return load(file, dryRun, Optional.empty());
    }

    /** Loads a file in the encoding named, or the one its bytes show when none is named. */
    public Summary load(Path file, boolean dryRun, Optional<Charset> encoding) {
        TsvTable table = TsvTable.read(file, encoding);
        TableKind kind = table.kind();
        TableRequests requests = new TableRequests(table);
        return switch (kind) {
            case REPORTS -> loadReports(table, requests, dryRun);
            case TERRITORIES -> loadTerritories(table, requests, dryRun);
            case PLANS -> {
                var plans = requests.plans();
                if (!dryRun) {
                    call(plans, "plans", () -> planning.setMonthlyPlans(SetMonthlyPlansRequest.newBuilder()
                            .addAllPlans(items(plans)).build()));
                }
                yield new Summary(file, kind, table.charset(), dryRun, plans.size(), 0, 0, 0, List.of());
            }
            case QUOTAS -> {
                var quotas = requests.quotas();
                if (!dryRun) {
                    call(quotas, "quotas", () -> planning.setQuotas(SetQuotasRequest.newBuilder()
                            .addAllQuotas(items(quotas)).build()));
                }
                yield new Summary(file, kind, table.charset(), dryRun, quotas.size(), 0, 0, 0, List.of());
            }
        };
    }

    private Summary loadTerritories(TsvTable table, TableRequests requests, boolean dryRun) {
        var municipalities = requests.municipalities();
        var schools = requests.schools();
        if (!dryRun && !(municipalities.isEmpty() && schools.isEmpty())) {
            try {
                planning.registerTerritories(RegisterTerritoriesRequest.newBuilder()
                        .addAllMunicipalities(items(municipalities)).addAllSchools(items(schools)).build());
            } catch (StatusRuntimeException e) {
                List<TableProblem> problems = new ArrayList<>(problemsOf(e, "municipalities", municipalities));
                problems.addAll(problemsOf(e, "schools", schools));
                throw problems.isEmpty() ? e : new TableException(problems.stream().distinct().toList());
            }
        }
        return new Summary(table.source(), TableKind.TERRITORIES, table.charset(), dryRun,
                municipalities.size() + schools.size(), 0, 0, 0, List.of());
    }

    /**
     * Checks the whole file before storing any of it: its metric columns against the service's catalogue (told
     * at the header) together with what its rows alone show, then every batch by the service in a dry run.
     */
    private Summary loadReports(TsvTable table, TableRequests requests, boolean dryRun) {
        IndicatorList known = catalogue.listIndicators(ListIndicatorsRequest.getDefaultInstance());
        List<TableProblem> local = new ArrayList<>(TableRequests.metricColumns(table).stream()
                .filter(column -> !known.getMetricsList().contains(column))
                .map(column -> table.headerProblem(column, "unknown metric: not in the catalogue (tsos catalogue "
                        + "lists every metric)"))
                .toList());
        List<TableRequests.Numbered<TerritoryReport>> rows = List.of();
        try {
            rows = requests.reports();
        } catch (TableException e) {
            local.addAll(e.problems());
        }
        if (!local.isEmpty()) {
            throw new TableException(local);
        }
        Path file = table.source();
        String fileKey = "file-" + sha256(file).substring(0, 24);
        List<List<TableRequests.Numbered<TerritoryReport>>> batches = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += ROWS_PER_BATCH) {
            batches.add(rows.subList(start, Math.min(rows.size(), start + ROWS_PER_BATCH)));
        }
        List<String> warnings = new ArrayList<>(PrintedPercents.disagreements(table, known));
        List<TableProblem> problems = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            var batch = batches.get(i);
            try {
                SubmitReportsResponse checked = reports.submitReports(request(fileKey, i, batches.size(), batch, true));
                checked.getWarningsList().forEach(w -> warnings.add("line " + batch.get(w.getRow()).line() + ", "
                        + String.join(" and ", w.getFieldsList()) + ": " + w.getMessage()));
            } catch (StatusRuntimeException e) {
                problems.addAll(problemsOf(e, "reports", batch));
            }
        }
        if (!problems.isEmpty()) {
            throw new TableException(problems.stream().distinct().toList());
        }
        if (dryRun) {
            int values = rows.stream().mapToInt(row -> row.item().getCountsCount()).sum();
            return new Summary(file, TableKind.REPORTS, table.charset(), true, rows.size(), values, 0, 0, warnings);
        }
        int stored = 0;
        int superseded = 0;
        int replayed = 0;
        for (int i = 0; i < batches.size(); i++) {
            SubmitReportsResponse answer = reports.submitReports(request(fileKey, i, batches.size(), batches.get(i),
                    false));
            if (answer.getReplayed()) {
                replayed++; // stored by an earlier load of this file: its figures are that load's
            } else {
                stored += answer.getValuesStored();
                superseded += answer.getValuesSuperseded();
            }
            if (batches.size() > 1) {
                progress.printf("%s: %d of %d batches sent (%d rows)%n", file.getFileName(), i + 1, batches.size(),
                        Math.min(rows.size(), (i + 1) * ROWS_PER_BATCH));
                progress.flush();
            }
        }
        return new Summary(file, TableKind.REPORTS, table.charset(), false, rows.size(), stored, superseded, replayed,
                warnings);
    }

    private static SubmitReportsRequest request(String fileKey, int index, int count,
                                                List<TableRequests.Numbered<TerritoryReport>> batch, boolean dryRun) {
        return SubmitReportsRequest.newBuilder()
                .setIdempotencyKey(fileKey + "-batch-" + (index + 1) + "-of-" + count)
                .addAllReports(items(batch))
                .setDryRun(dryRun)
                .build();
    }

    private static <T> List<T> items(List<TableRequests.Numbered<T>> numbered) {
        return numbered.stream().map(TableRequests.Numbered::item).toList();
    }

    private static <T> void call(List<TableRequests.Numbered<T>> rows, String rowsName, Runnable call) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            List<TableProblem> problems = problemsOf(e, rowsName, rows);
            if (problems.isEmpty()) {
                throw e;
            }
            throw new TableException(problems.stream().distinct().toList());
        }
    }

    /** The service's field violations ("reports[3].counts.students_total") told as lines and columns. */
    private static <T> List<TableProblem> problemsOf(StatusRuntimeException e, String rowsName,
                                                     List<TableRequests.Numbered<T>> rows) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT || status == null) {
            throw e;
        }
        List<TableProblem> problems = new ArrayList<>();
        for (var detail : status.getDetailsList()) {
            if (!detail.is(BadRequest.class)) {
                continue;
            }
            try {
                for (var violation : detail.unpack(BadRequest.class).getFieldViolationsList()) {
                    FieldPath path = FieldPath.parse(violation.getField());
                    if (path.inRow() && !path.list().equals(rowsName)) {
                        continue; // a row of another list of the same request
                    }
                    if (path.inRow() && path.row() < rows.size()) {
                        problems.add(new TableProblem(rows.get(path.row()).line(), column(rowsName, path),
                                linesFor(violation.getDescription(), rows)));
                    } else {
                        problems.add(TableProblem.ofFile(violation.getField() + ": " + violation.getDescription()));
                    }
                }
            } catch (com.google.protobuf.InvalidProtocolBufferException unreadable) {
                throw e;
            }
        }
        return problems;
    }

    /** The file's column a field of a row is in: a month's, a metric's, or the field's own. */
    private static String column(String rowsName, FieldPath path) {
        OptionalInt month = path.month();
        if (month.isPresent() && month.getAsInt() >= 1 && month.getAsInt() <= TableRequests.MONTHS.size()) {
            return TableRequests.MONTHS.get(month.getAsInt() - 1);
        }
        return COLUMN_OF_FIELD.getOrDefault(rowsName + "." + path.field(),
                path.metric().orElse(path.field().equals("counts") ? "" : path.field()));
    }

    private static <T> String linesFor(String description, List<TableRequests.Numbered<T>> rows) {
        return ROW_OF_REQUEST.matcher(description).replaceAll(row -> {
            int index = Integer.parseInt(row.group(1));
            return index < rows.size() ? "line " + rows.get(index).line() : row.group();
        });
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
