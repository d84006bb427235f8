package tsos.monitor.adapters.grpc;

import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.ReportWarning;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.SubmitReportsResponse;
import tsos.monitor.application.IngestionAdmission;
import tsos.monitor.application.SubmitReports;
import tsos.monitor.domain.report.ReportBatch;
import tsos.monitor.domain.report.SubmittedReport;

/** Not a BindableService bean: {@link RequestParsing} registers it, parsing its requests inside the interceptors. */
@Singleton
@Bean(typed = ApiService.class)
final class ReportIngestionEndpoint extends ReportIngestionGrpc.ReportIngestionImplBase implements ApiService {

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
        if (request.getDryRun()) {
            WriteAnswer.answer(response, submitReports.check(batch), checked -> withWarnings(SubmitReportsResponse.newBuilder()
                    .setValuesStored(0), checked.warnings()));
        } else {
            WriteAnswer.answer(response, submitReports.submit(batch), stored -> withWarnings(SubmitReportsResponse.newBuilder()
                    .setBatchId(stored.batch().batchId())
                    .setValuesStored(stored.batch().valuesStored())
                    .setValuesSuperseded(stored.batch().valuesSuperseded())
                    .setReplayed(stored.replayed()), stored.warnings()));
        }
    }

    private static SubmitReportsResponse withWarnings(SubmitReportsResponse.Builder answer,
                                                      List<tsos.monitor.domain.report.ReportWarning> warnings) {
        warnings.forEach(w -> answer.addWarnings(ReportWarning.newBuilder()
                .setRow(w.row()).addAllFields(w.fields()).setMessage(w.message())));
        return answer.build();
    }
}
