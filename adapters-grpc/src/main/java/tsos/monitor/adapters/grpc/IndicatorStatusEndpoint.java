package tsos.monitor.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import com.google.protobuf.Timestamp;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.BelowPlanRequest;
import tsos.monitor.api.v1.HistoryRequest;
import tsos.monitor.api.v1.IndicatorHistory;
import tsos.monitor.api.v1.ListStatusesRequest;
import tsos.monitor.api.v1.MonthStatusesRequest;
import tsos.monitor.api.v1.MunicipalityRanking;
import tsos.monitor.api.v1.RankedStatus;
import tsos.monitor.api.v1.RankingRequest;
import tsos.monitor.api.v1.RegionMonthStatuses;
import tsos.monitor.api.v1.ReportedValue;
import tsos.monitor.api.v1.SilentReport;
import tsos.monitor.api.v1.SilentRequest;
import tsos.monitor.api.v1.SilentTerritory;
import tsos.monitor.api.v1.StatusList;
import tsos.monitor.api.v1.Completeness;
import tsos.monitor.application.PeriodOfOtherCadence;
import tsos.monitor.application.StatusChanges;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.status.Ranking;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryReference;

/** Not a BindableService bean: {@link RequestParsing} registers it, parsing its requests inside the interceptors. */
@Singleton
@Bean(typed = ApiService.class)
final class IndicatorStatusEndpoint extends IndicatorStatusesGrpc.IndicatorStatusesImplBase implements ApiService {

    private final StatusQueries statuses;
    private final StatusChanges changes;

    IndicatorStatusEndpoint(StatusQueries statuses, StatusChanges changes) {
        this.statuses = statuses;
        this.changes = changes;
    }

    @Override
    public void getStatus(GetStatusRequest request, StreamObserver<IndicatorStatus> response) {
        answer(request.getMonth(), request.getWeek(), response, period -> withChange(statuses.status(
                ProtoMapping.reference(request.getTerritory()), request.getIndicator(), period)));
    }

    @Override
    public void listStatuses(ListStatusesRequest request, StreamObserver<StatusList> response) {
        answer(request.getMonth(), request.getWeek(), response, period -> {
            StatusList.Builder list = StatusList.newBuilder();
            var ofTerritory = statuses.statuses(ProtoMapping.reference(request.getTerritory()), period);
            var changed = changes.sincePreviousPeriod(ofTerritory);
            for (int i = 0; i < ofTerritory.size(); i++) {
                list.addStatuses(ProtoMapping.withChange(ProtoMapping.status(ofTerritory.get(i)), changed.get(i)));
            }
            return list.build();
        });
    }

    private IndicatorStatus withChange(tsos.monitor.domain.status.IndicatorStatus status) {
        return ProtoMapping.withChange(ProtoMapping.status(status), changes.sincePreviousPeriod(status));
    }

    @Override
    public void rankMunicipalities(RankingRequest request, StreamObserver<MunicipalityRanking> response) {
        answer(request.getMonth(), request.getWeek(), response, period -> {
            Ranking ranking = request.getCountry()
                    ? statuses.regionsRanked(request.getIndicator(), period)
                    : !request.getMunicipality().isEmpty()
                    ? statuses.schoolsRanked(new TerritoryReference(request.getRegion(), request.getMunicipality(),
                            ""), request.getIndicator(), period)
                    : statuses.municipalitiesRanked(request.getRegion(), request.getIndicator(), period);
            var changed = changes.sincePreviousPeriod(ranking.ranked());
            return ranking(request.getYou(), ranking, i -> ProtoMapping.withChange(
                    ProtoMapping.status(ranking.ranked().get(i)), changed.get(i)));
        });
    }

    /**
     * The ranking, with the territory whose own code (school, municipality or region) is {@code you} marked; each
     * ranked status as {@code statusOf} gives it (by its index).
     */
    private static MunicipalityRanking ranking(String you, Ranking ranking, IntFunction<IndicatorStatus> statusOf) {
        MunicipalityRanking.Builder answer = MunicipalityRanking.newBuilder();
        var leader = ranking.leader().orElse(null);
        var outsider = ranking.outsider().orElse(null);
        for (int i = 0; i < ranking.ranked().size(); i++) {
            var status = ranking.ranked().get(i);
            answer.addMunicipalities(RankedStatus.newBuilder()
                    .setStatus(statusOf.apply(i))
                    .setPlace(ranking.placeAt(i).orElse(0))
                    .setLeader(status == leader)
                    .setOutsider(status == outsider)
                    .setYou(!you.isEmpty() && you.equals(ownCode(status.territory().code()))));
        }
        return answer.build();
    }

    private static String ownCode(TerritoryCode code) {
        return !code.school().isEmpty() ? code.school() : !code.municipality().isEmpty() ? code.municipality()
                : code.region();
    }

    @Override
    public void listMonthStatuses(MonthStatusesRequest request, StreamObserver<RegionMonthStatuses> response) {
        respond(request.getMonth(), request.getWeek(), response, period -> statuses
                .periodStatuses(period, Optional.of(request.getRegion()).filter(r -> !r.isBlank()))
                .forEach(region -> {
                    RegionMonthStatuses.Builder message = RegionMonthStatuses.newBuilder()
                            .setRegion(region.region().code().region());
                    // The region's previous month read once for all of its statuses, in all()'s order.
                    var changed = changes.sincePreviousPeriod(region.all().toList());
                    int next = 0;
                    for (var status : region.ofRegion()) {
                        message.addRegionStatuses(ProtoMapping.withChange(ProtoMapping.status(status),
                                changed.get(next++)));
                    }
                    for (Ranking ranking : region.rankings()) {
                        int offset = next;
                        message.addRankings(ranking("", ranking, i -> ProtoMapping.withChange(
                                ProtoMapping.status(ranking.ranked().get(i)), changed.get(offset + i))));
                        next += ranking.ranked().size();
                    }
                    response.onNext(message.build());
                }));
    }

    @Override
    public void listBelowPlan(BelowPlanRequest request, StreamObserver<StatusList> response) {
        answer(request.getMonth(), request.getWeek(), response, period -> {
            var below = statuses.belowPlan(period, Optional.of(request.getRegion()).filter(r -> !r.isBlank()));
            var changed = changes.sincePreviousPeriod(below);
            StatusList.Builder list = StatusList.newBuilder();
            for (int i = 0; i < below.size(); i++) {
                list.addStatuses(ProtoMapping.withChange(ProtoMapping.status(below.get(i)), changed.get(i)));
            }
            return list.build();
        });
    }

    @Override
    public void getHistory(HistoryRequest request, StreamObserver<IndicatorHistory> response) {
        StatusQueries.History history = statuses.history(ProtoMapping.reference(request.getTerritory()),
                request.getIndicator());
        IndicatorHistory.Builder answer = IndicatorHistory.newBuilder();
        history.months().forEach(status -> answer.addMonths(withChange(status)));
        history.weeks().forEach(status -> answer.addWeeks(withChange(status)));
        history.values().forEach(value -> answer.addValues(ReportedValue.newBuilder()
                .setPeriod(value.period()).setMetric(value.metric().name()).setValue(value.value())
                .setReceivedAt(Timestamp.newBuilder().setSeconds(value.receivedAt().getEpochSecond())
                        .setNanos(value.receivedAt().getNano()))
                .setSender(value.sender()).setBatchId(value.batchId()).setSuperseded(value.superseded())));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void listSilent(SilentRequest request, StreamObserver<SilentReport> response) {
        if (request.getDeadlineDays() < 0) {
            response.onError(GrpcErrors.invalidQuery("deadline_days", "a number of days, not negative"));
            return;
        }
        Duration deadline = Duration.ofDays(request.getDeadlineDays() == 0 ? 15 : request.getDeadlineDays());
        answer(request.getMonth(), request.getWeek(), response, period -> {
            StatusQueries.Silence silence = statuses.silence(request.getRegion(), period, deadline);
            SilentReport.Builder answer = SilentReport.newBuilder();
            silence.silent().forEach(silent -> {
                SilentTerritory.Builder item = SilentTerritory.newBuilder()
                        .setTerritory(ProtoMapping.ref(silent.territory().code()))
                        .setTerritoryName(silent.territory().name())
                        .setIndicator(silent.indicator().code().value());
                silent.lastPeriod().ifPresent(last -> item.setLastPeriod(last.text()));
                answer.addSilent(item);
            });
            silence.completeness().forEach(rate -> answer.addCompleteness(Completeness.newBuilder()
                    .setTerritory(ProtoMapping.ref(rate.territory().code()))
                    .setTerritoryName(rate.territory().name())
                    .setExpected(rate.completeness().expected())
                    .setReceived(rate.completeness().received())
                    .setOnTime(rate.completeness().onTime())));
            return answer.build();
        });
    }

    /** Parses the month or the ISO week (one of them), runs the query, and answers its result or its error. */
    private static <T> void answer(String monthText, String weekText, StreamObserver<T> response,
                                   Function<ReportingPeriod, T> query) {
        respond(monthText, weekText, response, period -> response.onNext(query.apply(period)));
    }

    /** Parses the month or the ISO week, lets the query send its answers, and completes the call or ends it. */
    private static <T> void respond(String monthText, String weekText, StreamObserver<T> response,
                                    Consumer<ReportingPeriod> query) {
        if (!weekText.isEmpty() && !monthText.isEmpty()) {
            response.onError(GrpcErrors.invalidQuery("week", "a month or a week, not both"));
            return;
        }
        String field = weekText.isEmpty() ? "month" : "week";
        ReportingPeriod period;
        try {
            period = weekText.isEmpty() ? Month.parse(monthText) : IsoWeek.parse(weekText);
        } catch (IllegalArgumentException e) {
            response.onError(GrpcErrors.invalidQuery(field, e.getMessage()));
            return;
        }
        run(response, () -> query.accept(period));
    }

    /** Runs the query and completes the call; an unknown territory or indicator is NOT_FOUND, by ErrorTranslation. */
    private static <T> void run(StreamObserver<T> response, Runnable query) {
        try {
            query.run();
            response.onCompleted();
        } catch (PeriodOfOtherCadence e) {
            response.onError(GrpcErrors.invalidQuery("week", e.getMessage()));
        }
    }
}
