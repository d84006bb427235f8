package tsos.monitor.adapters.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.function.Function;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.ListStatusesRequest;
import tsos.monitor.api.v1.StatusList;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.UnknownReference;
import tsos.monitor.domain.period.Month;

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
