package tsos.monitor.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.RegisterTerritoriesRequest;
import tsos.monitor.api.v1.RegisterTerritoriesResponse;
import tsos.monitor.api.v1.SetMonthlyPlansRequest;
import tsos.monitor.api.v1.SetPlansResponse;
import tsos.monitor.api.v1.SetQuotasRequest;
import tsos.monitor.application.Planning;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.report.Violation;

/** Not a BindableService bean: {@link RequestParsing} registers it, parsing its requests inside the interceptors. */
@Singleton
@Bean(typed = PlanningEndpoint.class)
final class PlanningEndpoint extends PlanningGrpc.PlanningImplBase {

    private final Planning planning;

    PlanningEndpoint(Planning planning) {
        this.planning = planning;
    }

    @Override
    public void registerTerritories(RegisterTerritoriesRequest request,
                                    StreamObserver<RegisterTerritoriesResponse> response) {
        List<Planning.TerritoryEntry> entries = new ArrayList<>();
        request.getMunicipalitiesList().forEach(m -> entries.add(
                new Planning.TerritoryEntry(m.getRegion(), m.getCode(), "", m.getName())));
        request.getSchoolsList().forEach(s -> entries.add(
                new Planning.TerritoryEntry(s.getRegion(), s.getMunicipality(), s.getCode(), s.getName())));
        Planning.Outcome registered = planning.register(entries);
        if (registered.refused()) {
            // Rows are numbered across both lists, municipalities first: tell each back in its own list.
            int municipalities = request.getMunicipalitiesCount();
            List<Violation> inTheirLists = registered.violations().stream()
                    .map(v -> Violation.ofBatch(v.row() < municipalities ? v.path("municipalities")
                            : new Violation(v.row() - municipalities, v.field(), v.reason()).path("schools"),
                            v.reason()))
                    .toList();
            response.onError(GrpcErrors.invalid("", inTheirLists));
            return;
        }
        response.onNext(RegisterTerritoriesResponse.newBuilder()
                .setMunicipalitiesRegistered(request.getMunicipalitiesCount())
                .setSchoolsRegistered(request.getSchoolsCount())
                .build());
        response.onCompleted();
    }

    @Override
    public void setMonthlyPlans(SetMonthlyPlansRequest request, StreamObserver<SetPlansResponse> response) {
        List<Violation> badMonths = java.util.stream.IntStream.range(0, request.getPlansCount()).boxed()
                .flatMap(row -> request.getPlans(row).getMonthsMap().keySet().stream().filter(m -> m < 1 || m > 12)
                        .sorted().map(m -> new Violation(row, "months[" + m + "]",
                                "month numbers are 1 (January) to 12 (December)")))
                .toList();
        if (!badMonths.isEmpty()) {
            response.onError(GrpcErrors.invalid("plans", badMonths));
            return;
        }
        answer("plans", planning.setMonthlyPlans(request.getPlansList().stream()
                .map(p -> new Planning.PlanEntry(ProtoMapping.reference(p.getTerritory()), p.getIndicator(),
                        p.getYear(), months(p.getMonthsMap())))
                .toList()), response);
    }

    @Override
    public void setQuotas(SetQuotasRequest request, StreamObserver<SetPlansResponse> response) {
        answer("quotas", planning.setQuotas(request.getQuotasList().stream()
                .map(q -> new Planning.QuotaEntry(ProtoMapping.reference(q.getTerritory()), q.getIndicator(),
                        q.getYear(), q.getQuota()))
                .toList()), response);
    }

    private static List<Optional<Percent>> months(java.util.Map<Integer, tsos.monitor.api.v1.Percent> byNumber) {
        return java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(month -> Optional.ofNullable(byNumber.get(month)).map(p -> Percent.ofHundredths(p.getHundredths())))
                .toList();
    }

    private static void answer(String rows, Planning.Outcome outcome, StreamObserver<SetPlansResponse> response) {
        if (outcome.refused()) {
            response.onError(GrpcErrors.invalid(rows, outcome.violations()));
            return;
        }
        response.onNext(SetPlansResponse.newBuilder().setStored(outcome.stored()).build());
        response.onCompleted();
    }
}
