package tsos.monitor.adapters.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.ReportWarning;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.SubmitReportsResponse;
import tsos.monitor.application.SubmissionResult;
import tsos.monitor.application.SubmitReports;
import tsos.monitor.domain.report.ReportBatch;
import tsos.monitor.domain.report.SubmittedReport;

@Singleton
final class ReportIngestionEndpoint extends ReportIngestionGrpc.ReportIngestionImplBase {

    private final SubmitReports submitReports;

    ReportIngestionEndpoint(SubmitReports submitReports) {
        this.submitReports = submitReports;
    }

    @Override
    public void submitReports(SubmitReportsRequest request, StreamObserver<SubmitReportsResponse> response) {
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
            response.onError(Status.ALREADY_EXISTS.withDescription("idempotency_key '" + reused.idempotencyKey()
                    + "' was used for a batch with other content (batch " + reused.earlier().batchId()
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
