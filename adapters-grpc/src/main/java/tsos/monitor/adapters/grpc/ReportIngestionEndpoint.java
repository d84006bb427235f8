package tsos.monitor.adapters.grpc;

import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
        result.match(new SubmissionResult.Cases<Void>() {
            @Override
            public Void stored(SubmissionResult.Stored stored) {
                SubmitReportsResponse.Builder answer = SubmitReportsResponse.newBuilder()
                        .setBatchId(stored.batch().batchId())
                        .setValuesStored(stored.batch().valuesStored())
                        .setValuesSuperseded(stored.batch().valuesSuperseded())
                        .setReplayed(stored.replayed());
                addWarnings(answer, stored.warnings());
                return answered(answer);
            }

            @Override
            public Void checked(SubmissionResult.Checked checked) {
                SubmitReportsResponse.Builder answer = SubmitReportsResponse.newBuilder().setValuesStored(0);
                addWarnings(answer, checked.warnings());
                return answered(answer);
            }

            @Override
            public Void refused(SubmissionResult.Refused refused) {
                return failed(GrpcErrors.invalid("reports", refused.violations()));
            }

            @Override
            public Void forbidden(SubmissionResult.Forbidden forbidden) {
                return failed(GrpcErrors.denied("reports", forbidden.violations()));
            }

            @Override
            public Void keyReused(SubmissionResult.KeyReused reused) {
                return failed(Status.ALREADY_EXISTS.withDescription("idempotency_key '"
                        + GrpcErrors.clipped(reused.idempotencyKey()) + "' was used for a batch with other content "
                        + "(batch " + reused.earlier().batchId() + "); nothing stored").asRuntimeException());
            }

            private Void answered(SubmitReportsResponse.Builder answer) {
                response.onNext(answer.build());
                response.onCompleted();
                return null;
            }

            private Void failed(StatusRuntimeException error) {
                response.onError(error);
                return null;
            }
        });
    }

    private static void addWarnings(SubmitReportsResponse.Builder answer,
                                    java.util.List<tsos.monitor.domain.report.ReportWarning> warnings) {
        warnings.forEach(w -> answer.addWarnings(ReportWarning.newBuilder()
                .setRow(w.row()).addAllFields(w.fields()).setMessage(w.message())));
    }
}
