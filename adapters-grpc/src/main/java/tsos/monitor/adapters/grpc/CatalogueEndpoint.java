package tsos.monitor.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import tsos.monitor.api.v1.Cadence;
import tsos.monitor.api.v1.CatalogueGrpc;
import tsos.monitor.api.v1.Indicator;
import tsos.monitor.api.v1.IndicatorList;
import tsos.monitor.api.v1.LevelBand;
import tsos.monitor.api.v1.ListIndicatorsRequest;
import tsos.monitor.api.v1.SchoolCriterion;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorDefinition;

/** The catalogue as clients read it: every indicator's share, cadence, levels and school criteria. */
@Singleton
@Bean(typed = ApiService.class)
final class CatalogueEndpoint extends CatalogueGrpc.CatalogueImplBase implements ApiService {

    private final IndicatorCatalogue catalogue;

    CatalogueEndpoint(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void listIndicators(ListIndicatorsRequest request, StreamObserver<IndicatorList> response) {
        IndicatorList.Builder list = IndicatorList.newBuilder();
        catalogue.all().forEach(definition -> list.addIndicators(indicator(definition)));
        catalogue.metrics().forEach(metric -> list.addMetrics(metric.name()));
        response.onNext(list.build());
        response.onCompleted();
    }

    private static Indicator indicator(IndicatorDefinition definition) {
        Indicator.Builder indicator = Indicator.newBuilder()
                .setCode(definition.code().value())
                .setName(definition.name())
                .setNumerator(definition.numerator().name())
                .setDenominator(definition.denominator().name())
                .setCadence(switch (definition.cadence()) {
                    case WEEKLY -> Cadence.WEEKLY;
                    case MONTHLY -> Cadence.MONTHLY;
                });
        definition.bands().levels().forEach(level -> {
            LevelBand.Builder band = LevelBand.newBuilder().setName(level.name())
                    .setLowerInclusive(ProtoMapping.percent(level.lowerInclusive()));
            level.upperExclusive().ifPresent(upper -> band.setUpperExclusive(ProtoMapping.percent(upper)));
            indicator.addBands(band);
        });
        definition.schoolRule().ifPresent(rule -> rule.criteria().forEach(criterion -> indicator.addSchoolCriteria(
                SchoolCriterion.newBuilder().setNumerator(criterion.numerator().name())
                        .setDenominator(criterion.denominator().name())
                        .setAtLeast(ProtoMapping.percent(criterion.atLeast())))));
        return indicator.build();
    }

}
