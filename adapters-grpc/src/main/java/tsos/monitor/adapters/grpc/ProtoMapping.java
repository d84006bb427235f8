package tsos.monitor.adapters.grpc;

import java.util.Optional;
import tsos.monitor.api.v1.Direction;
import tsos.monitor.api.v1.IndicatorState;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.Percent;
import tsos.monitor.api.v1.PlanSource;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryReference;
import tsos.monitor.domain.trend.PeriodChange;

/** Protobuf ↔ domain, for the shapes more than one endpoint shares. */
final class ProtoMapping {

    private ProtoMapping() {
    }

    static TerritoryReference reference(TerritoryRef ref) {
        return new TerritoryReference(ref.getRegion(), ref.getMunicipality(), ref.getSchool());
    }

    static TerritoryRef ref(TerritoryCode code) {
        return TerritoryRef.newBuilder()
                .setRegion(code.region())
                .setMunicipality(code.municipality())
                .setSchool(code.school())
                .build();
    }

    static Percent percent(tsos.monitor.domain.indicator.Percent percent) {
        return Percent.newBuilder().setHundredths(percent.hundredths()).build();
    }

    static IndicatorStatus status(tsos.monitor.domain.status.IndicatorStatus status) {
        IndicatorStatus.Builder proto = IndicatorStatus.newBuilder()
                .setTerritory(ref(status.territory().code()))
                .setTerritoryName(status.territory().name())
                .setIndicator(status.indicator().code().value())
                .setMonth(status.month().text())
                .setState(IndicatorState.valueOf(status.state().name()))
                .setReportedChildren(status.coverage().reportedChildren())
                .setExpectedChildren(status.coverage().expectedChildren())
                .setPlanSource(status.plan().map(AppliedPlan::source)
                        .map(source -> PlanSource.valueOf(source.name()))
                        .orElse(PlanSource.PLAN_SOURCE_UNSPECIFIED));
        status.actual().ifPresent(share -> proto.setNumerator(share.numerator()).setDenominator(share.denominator()));
        status.percent().ifPresent(p -> proto.setActual(percent(p)));
        status.planPercent().ifPresent(p -> proto.setPlan(percent(p)));
        status.gap().ifPresent(p -> proto.setGap(percent(p)));
        status.quota().ifPresent(proto::setQuota);
        status.level().ifPresent(level -> proto.setLevel(level.name()));
        if (status.period() instanceof IsoWeek week) {
            proto.setWeek(week.text());
        }
        return proto.build();
    }

    /** The status with its change since the previous period, when there is one. */
    static IndicatorStatus withChange(IndicatorStatus status, Optional<PeriodChange> change) {
        if (change.isEmpty()) {
            return status;
        }
        IndicatorStatus.Builder proto = status.toBuilder()
                .setDirection(Direction.valueOf(change.get().direction().name()));
        change.get().changePp().ifPresent(p -> proto.setChangePp(percent(p)));
        change.get().numeratorChangePercent().ifPresent(p -> proto.setNumeratorChangePercent(
                Percent.newBuilder().setHundredths(p.movePointRight(2).longValueExact())));
        return proto.build();
    }
}
