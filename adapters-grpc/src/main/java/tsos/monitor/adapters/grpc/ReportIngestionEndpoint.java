package tsos.monitor.adapters.grpc;

import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.util.Optional;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.ReportWarning;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.SubmitReportsResponse;
import tsos.monitor.application.IngestionAdmission;
import tsos.monitor.application.SubmissionResult;
import tsos.monitor.application.SubmitReports;
import tsos.monitor.domain.report.ReportBatch;
import tsos.monitor.domain.report.SubmittedReport;

/** Not a BindableService bean: {@link RequestParsing} registers it, parsing its requests inside the interceptors. */
@Singleton
@Bean(typed = ReportIngestionEndpoint.class)
final class ReportIngestionEndpoint extends ReportIngestionGrpc.ReportIngestionImplBase {

    private final SubmitReports submitReports;
    private final IngestionAdmission admission;

    ReportIngestionEndpoint(SubmitReports submitReports, IngestionAdmission admission) {
        this.submitReports = submitReports;
        this.admission = admission;
    }

    @Override
    public void submitReports(SubmitReportsRequest request, StreamObserver<SubmitReportsResponse> response) {
        Optional<IngestionAdmission.Admitted> admitted = admission.admit(request.getReportsCount());
        if (admitted.isEmpty()) {
            response.onError(GrpcErrors.retryLater(Code.RESOURCE_EXHAUSTED, "the service is storing as many rows "
                    + "as it may at once (" + admission.maxRowsInFlight() + "); this batch of "
                    + request.getReportsCount() + " rows was not stored: send it again in "
                    + admission.retryAfter().toSeconds() + " s", admission.retryAfter()));
            return;
        }
        try (IngestionAdmission.Admitted room = admitted.get()) {
            answer(request, response);
        }
    }

    private void answer(SubmitReportsRequest request, StreamObserver<SubmitReportsResponse> response) {
        ReportBatch batch = new ReportBatch(request.getIdempotencyKey(), CallSender.current(),
                request.getReportsList().stream()
                        .map(report -> new SubmittedReport(ProtoMapping.reference(report.getTerritory()),
                                report.getPeriod(), report.getCountsMap()))
                        .toList());
        SubmissionResult result = request.getDryRun() ? submitReports.check(batch) : submitReports.submit(batch);
        if (result instanceof SubmissionResult.Refused refused) {
            response.onError(GrpcErrors.invalid("reports", refused.violations()));
        } else if (result instanceof SubmissionResult.Forbidden forbidden) {
            response.onError(GrpcErrors.denied("reports", forbidden.violations()));
        } else if (result instanceof SubmissionResult.KeyReused reused) {
            response.onError(Status.ALREADY_EXISTS.withDescription("idempotency_key '"
                    + GrpcErrors.clipped(reused.idempotencyKey()) + "' was used for a batch with other content (batch " + reused.earlier().batchId()
                    + "); nothing stored").asRuntimeException());
        } else if (result instanceof SubmissionResult.Checked checked) {
            SubmitReportsResponse.Builder answer = SubmitReportsResponse.newBuilder().setValuesStored(0);
            addWarnings(answer, checked.warnings());
            response.onNext(answer.build());
            response.onCompleted();
        } else {
            SubmissionResult.Stored stored = (SubmissionResult.Stored) result;
            SubmitReportsResponse.Builder answer = SubmitReportsResponse.newBuilder()
                    .setBatchId(stored.batch().batchId())
                    .setValuesStored(stored.batch().valuesStored())
                    .setValuesSuperseded(stored.batch().valuesSuperseded())
                    .setReplayed(stored.replayed());
            addWarnings(answer, stored.warnings());
            response.onNext(answer.build());
            response.onCompleted();
        }
    }

    private static void addWarnings(SubmitReportsResponse.Builder answer,
                                    java.util.List<tsos.monitor.domain.report.ReportWarning> warnings) {
        warnings.forEach(w -> answer.addWarnings(ReportWarning.newBuilder()
                .setRow(w.row()).addAllFields(w.fields()).setMessage(w.message())));
    }
}
