package tsos.monitor.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.RegisterTerritoriesRequest;
import tsos.monitor.api.v1.RegisterTerritoriesResponse;
import tsos.monitor.api.v1.SetMonthlyPlansRequest;
import tsos.monitor.api.v1.SetPlansResponse;
import tsos.monitor.api.v1.SetQuotasRequest;
import tsos.monitor.application.RegisterTerritories;
import tsos.monitor.application.SetMonthlyPlans;
import tsos.monitor.application.SetQuotas;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.plan.SubmittedPlan;
import tsos.monitor.domain.plan.SubmittedQuota;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.refusal.Refusal;
import tsos.monitor.domain.refusal.Refusal.Ground;
import tsos.monitor.domain.refusal.Refusal.Rows;
import tsos.monitor.domain.refusal.Violation;
import tsos.monitor.domain.territory.TerritoryRegistration.SubmittedMunicipality;
import tsos.monitor.domain.territory.TerritoryRegistration.SubmittedSchool;

/** Not a BindableService bean: {@link RequestParsing} registers it, parsing its requests inside the interceptors. */
@Singleton
@Bean(typed = ApiService.class)
final class PlanningEndpoint extends PlanningGrpc.PlanningImplBase implements ApiService {

    private final RegisterTerritories registerTerritories;
    private final SetMonthlyPlans setMonthlyPlans;
    private final SetQuotas setQuotas;

    PlanningEndpoint(RegisterTerritories registerTerritories, SetMonthlyPlans setMonthlyPlans, SetQuotas setQuotas) {
        this.registerTerritories = registerTerritories;
        this.setMonthlyPlans = setMonthlyPlans;
        this.setQuotas = setQuotas;
    }

    @Override
    public void registerTerritories(RegisterTerritoriesRequest request,
                                    StreamObserver<RegisterTerritoriesResponse> response) {
        WriteAnswer.answer(response, registerTerritories.register(
                request.getMunicipalitiesList().stream()
                        .map(m -> new SubmittedMunicipality(m.getRegion(), m.getCode(), m.getName())).toList(),
                request.getSchoolsList().stream()
                        .map(s -> new SubmittedSchool(s.getRegion(), s.getMunicipality(), s.getCode(), s.getName()))
                        .toList()),
                stored -> RegisterTerritoriesResponse.newBuilder()
                        .setMunicipalitiesRegistered(request.getMunicipalitiesCount())
                        .setSchoolsRegistered(request.getSchoolsCount())
                        .build());
    }

    @Override
    public void setMonthlyPlans(SetMonthlyPlansRequest request, StreamObserver<SetPlansResponse> response) {
        List<Violation> badMonths = IntStream.range(0, request.getPlansCount()).boxed()
                .flatMap(row -> request.getPlans(row).getMonthsMap().keySet().stream().filter(m -> m < 1 || m > 12)
                        .sorted().map(m -> new Violation(row, new Field.PlanMonth(m),
                                "month numbers are 1 (January) to 12 (December)")))
                .toList();
        if (!badMonths.isEmpty()) {
            response.onError(GrpcErrors.refused(Refusal.of(Ground.INVALID, Rows.PLANS, badMonths)));
            return;
        }
        WriteAnswer.answer(response, setMonthlyPlans.set(request.getPlansList().stream()
                        .map(p -> new SubmittedPlan(ProtoMapping.reference(p.getTerritory()), p.getIndicator(),
                                p.getYear(), months(p.getMonthsMap())))
                        .toList()),
                PlanningEndpoint::stored);
    }

    @Override
    public void setQuotas(SetQuotasRequest request, StreamObserver<SetPlansResponse> response) {
        WriteAnswer.answer(response, setQuotas.set(request.getQuotasList().stream()
                        .map(q -> new SubmittedQuota(ProtoMapping.reference(q.getTerritory()), q.getIndicator(),
                                q.getYear(), q.getQuota()))
                        .toList()),
                PlanningEndpoint::stored);
    }

    private static List<Optional<Percent>> months(Map<Integer, tsos.monitor.api.v1.Percent> byNumber) {
        return IntStream.rangeClosed(1, 12)
                .mapToObj(month -> Optional.ofNullable(byNumber.get(month))
                        .map(p -> Percent.ofHundredths(p.getHundredths())))
                .toList();
    }

    private static SetPlansResponse stored(int count) {
        return SetPlansResponse.newBuilder().setStored(count).build();
    }
}
