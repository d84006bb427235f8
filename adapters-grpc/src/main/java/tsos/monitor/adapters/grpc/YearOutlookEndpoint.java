package tsos.monitor.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.time.Year;
import tsos.monitor.api.v1.ForecastList;
import tsos.monitor.api.v1.ForecastRequest;
import tsos.monitor.api.v1.ForecastState;
import tsos.monitor.api.v1.StatusList;
import tsos.monitor.api.v1.TerritoryForecast;
import tsos.monitor.api.v1.YearOutlookGrpc;
import tsos.monitor.api.v1.YearPlanRequest;
import tsos.monitor.application.YearQueries;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.trend.YearForecast;

@Singleton
@Bean(typed = ApiService.class)
final class YearOutlookEndpoint extends YearOutlookGrpc.YearOutlookImplBase implements ApiService {

    private final YearQueries year;

    YearOutlookEndpoint(YearQueries year) {
        this.year = year;
    }

    @Override
    public void getYearPlan(YearPlanRequest request, StreamObserver<StatusList> response) {
        try {
            ReportingYears.require(request.getYear(), "year");
        } catch (IllegalArgumentException e) {
            response.onError(GrpcErrors.invalidQuery("year", e.getMessage()));
            return;
        }
        StatusList.Builder list = StatusList.newBuilder();
        year.yearPlan(ProtoMapping.reference(request.getTerritory()), Year.of(request.getYear()))
                .forEach(status -> list.addStatuses(ProtoMapping.status(status)));
        response.onNext(list.build());
        response.onCompleted();
    }

    @Override
    public void listForecasts(ForecastRequest request, StreamObserver<ForecastList> response) {
        Month month;
        try {
            month = Month.parse(request.getMonth());
        } catch (IllegalArgumentException e) {
            response.onError(GrpcErrors.invalidQuery("month", e.getMessage()));
            return;
        }
        ForecastList.Builder list = ForecastList.newBuilder();
        year.forecasts(request.getRegion(), request.getIndicator(), month)
                .forEach(forecast -> list.addForecasts(forecast(forecast)));
        response.onNext(list.build());
        response.onCompleted();
    }

    private static TerritoryForecast forecast(YearQueries.TerritoryForecast forecast) {
        YearForecast year = forecast.forecast();
        TerritoryForecast.Builder proto = TerritoryForecast.newBuilder()
                .setStatus(ProtoMapping.status(forecast.now()))
                .setState(ForecastState.valueOf("FORECAST_" + year.state().name()));
        year.forecastPercent().ifPresent(p -> proto.setForecast(ProtoMapping.percent(p)));
        year.yearTargetPercent().ifPresent(p -> proto.setYearTarget(ProtoMapping.percent(p)));
        year.requiredPpPerMonth().ifPresent(p -> proto.setRequiredPpPerMonth(ProtoMapping.percent(p)));
        year.needed().ifPresent(proto::setNeeded);
        return proto.build();
    }
}
