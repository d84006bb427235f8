package tsos.monitor.adapters.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;
import com.google.protobuf.Timestamp;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.BelowPlanRequest;
import tsos.monitor.api.v1.HistoryRequest;
import tsos.monitor.api.v1.IndicatorHistory;
import tsos.monitor.api.v1.ListStatusesRequest;
import tsos.monitor.api.v1.MunicipalityRanking;
import tsos.monitor.api.v1.RankedStatus;
import tsos.monitor.api.v1.RankingRequest;
import tsos.monitor.api.v1.ReportedValue;
import tsos.monitor.api.v1.StatusList;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.UnknownReference;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.status.Ranking;

@Singleton
final class IndicatorStatusEndpoint extends IndicatorStatusesGrpc.IndicatorStatusesImplBase {

    private final StatusQueries statuses;

    IndicatorStatusEndpoint(StatusQueries statuses) {
        this.statuses = statuses;
    }

    @Override
    public void getStatus(GetStatusRequest request, StreamObserver<IndicatorStatus> response) {
        answer(request.getMonth(), response, month -> ProtoMapping.status(statuses.status(
                ProtoMapping.reference(request.getTerritory()), request.getIndicator(), month)));
    }

    @Override
    public void listStatuses(ListStatusesRequest request, StreamObserver<StatusList> response) {
        answer(request.getMonth(), response, month -> {
            StatusList.Builder list = StatusList.newBuilder();
            for (var indicator : statuses.catalogue().all()) {
                list.addStatuses(ProtoMapping.status(statuses.status(ProtoMapping.reference(request.getTerritory()),
                        indicator.code().value(), month)));
            }
            return list.build();
        });
    }

    @Override
    public void rankMunicipalities(RankingRequest request, StreamObserver<MunicipalityRanking> response) {
        answer(request.getMonth(), response, month -> {
            Ranking ranking = statuses.municipalitiesRanked(request.getRegion(), request.getIndicator(), month);
            MunicipalityRanking.Builder answer = MunicipalityRanking.newBuilder();
            for (var status : ranking.ranked()) {
                answer.addMunicipalities(RankedStatus.newBuilder()
                        .setStatus(ProtoMapping.status(status))
                        .setPlace(ranking.placeOf(status).orElse(0))
                        .setLeader(ranking.leader().filter(status::equals).isPresent())
                        .setOutsider(ranking.outsider().filter(status::equals).isPresent()));
            }
            return answer.build();
        });
    }

    @Override
    public void listBelowPlan(BelowPlanRequest request, StreamObserver<StatusList> response) {
        answer(request.getMonth(), response, month -> StatusList.newBuilder()
                .addAllStatuses(statuses.belowPlan(month, Optional.of(request.getRegion()).filter(r -> !r.isBlank()))
                        .stream().map(ProtoMapping::status).toList())
                .build());
    }

    @Override
    public void getHistory(HistoryRequest request, StreamObserver<IndicatorHistory> response) {
        try {
            StatusQueries.History history = statuses.history(ProtoMapping.reference(request.getTerritory()),
                    request.getIndicator());
            IndicatorHistory.Builder answer = IndicatorHistory.newBuilder();
            history.months().forEach(status -> answer.addMonths(ProtoMapping.status(status)));
            history.values().forEach(value -> answer.addValues(ReportedValue.newBuilder()
                    .setPeriod(value.period()).setMetric(value.metric().name()).setValue(value.value())
                    .setReceivedAt(Timestamp.newBuilder().setSeconds(value.receivedAt().getEpochSecond())
                            .setNanos(value.receivedAt().getNano()))
                    .setSender(value.sender()).setBatchId(value.batchId()).setSuperseded(value.superseded())));
            response.onNext(answer.build());
            response.onCompleted();
        } catch (UnknownReference e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    /** Parses the month, runs the query, and answers its result or its error. */
    private static <T> void answer(String monthText, StreamObserver<T> response, Function<Month, T> query) {
        Month month;
        try {
            month = Month.parse(monthText);
        } catch (IllegalArgumentException e) {
            response.onError(GrpcErrors.invalid("month", e.getMessage()));
            return;
        }
        try {
            response.onNext(query.apply(month));
            response.onCompleted();
        } catch (UnknownReference e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
        }
    }
}
