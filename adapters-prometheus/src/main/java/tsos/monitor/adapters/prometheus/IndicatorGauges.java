package tsos.monitor.adapters.prometheus;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import tsos.monitor.application.OutlookReadModel;
import tsos.monitor.application.StatusReadModel;
import tsos.monitor.application.StatusReadModel.CurrentStatus;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.status.IndicatorState;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/**
 * The current statuses as gauges, one series per expected territory and indicator (a silent one included, with
 * {@code tsos_indicator_reported} 0), read from the {@link StatusReadModel}. A gauge without a value for a status
 * (no percent, no plan, never reported) has no series for it.
 */
final class IndicatorGauges {

    /** The read models' version the snapshots were built from: either moving moves it. */
    long version() {
        return readModel.version() + outlook.version();
    }

    /** Whether the read model holds every region: until then the gauges would show part of the country. */
    boolean ready() {
        return readModel.loaded() && outlook.loaded();
    }

    private record Gauge(String name, String help, Function<CurrentStatus, Double> value) {
    }

    private static final List<Gauge> GAUGES = List.of(
            new Gauge("tsos_indicator_actual_ratio", "Actual share of the current period, 0 to 1.",
                    s -> s.status().actual().filter(share -> s.status().percent().isPresent())
                            .map(share -> (double) share.numerator() / share.denominator()).orElse(null)),
            new Gauge("tsos_indicator_plan_ratio", "The plan of that month as a ratio, 0 to 1.",
                    s -> s.status().planPercent().map(p -> p.ratio()).orElse(null)),
            new Gauge("tsos_indicator_quota", "Absolute plan (count of the numerator), where a quota applies.",
                    s -> s.status().quota().map(Long::doubleValue).orElse(null)),
            new Gauge("tsos_indicator_numerator", "The numerator count behind the actual.",
                    s -> s.status().actual().map(share -> (double) share.numerator()).orElse(null)),
            new Gauge("tsos_indicator_denominator", "The denominator count behind the actual.",
                    s -> s.status().actual().map(share -> (double) share.denominator()).orElse(null)),
            new Gauge("tsos_indicator_below_plan", "1 when the actual is below that month's plan, else 0.",
                    s -> s.status().state() == IndicatorState.BELOW_PLAN ? 1.0 : 0.0),
            new Gauge("tsos_indicator_inconsistent", "1 when the counts contradict each other, else 0.",
                    s -> s.status().state() == IndicatorState.INCONSISTENT ? 1.0 : 0.0),
            new Gauge("tsos_indicator_reported", "1 when the territory sent counts for the current period, 0 when "
                    + "it is expected to and is silent.", s -> s.reported() ? 1.0 : 0.0),
            new Gauge("tsos_indicator_period_end_timestamp_seconds",
                    "End of the latest period the territory reported (no series if it never did).",
                    s -> s.lastPeriodEnd().map(IndicatorGauges::endOfDay).orElse(null)),
            new Gauge("tsos_indicator_current_period_end_timestamp_seconds",
                    "End of the region's current period for the indicator: what every expected territory owes.",
                    s -> endOfDay(s.currentPeriodEnd())),
            new Gauge("tsos_indicator_report_received_timestamp_seconds", "When the latest value arrived.",
                    s -> s.lastReceived().map(received -> received.toEpochMilli() / 1000.0).orElse(null)),
            new Gauge("tsos_indicator_reported_children", "Children (municipalities, schools) that reported the "
                    + "current period, of those expected.", s -> childrenGauge(s, s.status().coverage()
                            .reportedChildren())),
            new Gauge("tsos_indicator_expected_children", "Registered children (municipalities, schools) expected "
                    + "to report the indicator.", s -> childrenGauge(s, s.status().coverage().expectedChildren())),
            new Gauge("tsos_indicator_rank", "A municipality's place in its region for the current period (1 = leader).",
                    s -> s.rankInRegion().map(Integer::doubleValue).orElse(null)));

    private static double endOfDay(java.time.LocalDate day) {
        return day.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** A municipality without registered schools has no coverage to show; a region always has. */
    private static Double childrenGauge(CurrentStatus status, int count) {
        return status.status().territory().level() == TerritoryLevel.REGION
                || status.status().coverage().expectedChildren() > 0 ? (double) count : null;
    }

    private final StatusReadModel readModel;
    private final OutlookReadModel outlook;
    private final IndicatorCatalogue catalogue;
    private final Function<TerritoryCode, String> regionName;

    IndicatorGauges(StatusReadModel readModel, OutlookReadModel outlook, IndicatorCatalogue catalogue,
                    Function<TerritoryCode, String> regionName) {
        this.readModel = readModel;
        this.outlook = outlook;
        this.catalogue = catalogue;
        this.regionName = regionName;
    }

    /** The gauges of the read model as it is now; {@code MetricsExposition} renders them once per version. */
    MetricSnapshots snapshots() {
        List<CurrentStatus> statuses = readModel.current();
        Map<CurrentStatus, Labels> labels = new LinkedHashMap<>();
        statuses.forEach(status -> labels.put(status, labelsOf(status.status())));
        List<io.prometheus.metrics.model.snapshots.MetricSnapshot> snapshots = new ArrayList<>();
        for (Gauge gauge : GAUGES) {
            GaugeSnapshot.Builder snapshot = GaugeSnapshot.builder().name(gauge.name()).help(gauge.help());
            labels.forEach((status, of) -> {
                Double value = gauge.value().apply(status);
                if (value != null) {
                    snapshot.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(of).value(value).build());
                }
            });
            snapshots.add(snapshot.build());
        }
        GaugeSnapshot.Builder levels = GaugeSnapshot.builder().name("tsos_indicator_level_info")
                .help("The level band of the actual (low / sufficient / high; Min / Norm / Target).");
        labels.forEach((status, of) -> status.status().level().ifPresent(level -> levels.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(of.add("level", level.name())).value(1).build())));
        snapshots.add(levels.build());
        snapshots.add(perIndicator("tsos_indicator_reporting_period_seconds",
                "How long an indicator may be silent by its cadence.",
                indicator -> (double) indicator.cadence().period().toSeconds()));
        snapshots.addAll(OutlookGauges.snapshots(outlook.current(), this::labelsOf, catalogue));
        return new MetricSnapshots(snapshots);
    }

    private GaugeSnapshot perIndicator(String name, String help,
                                       ToDoubleFunction<tsos.monitor.domain.indicator.IndicatorDefinition> value) {
        GaugeSnapshot.Builder snapshot = GaugeSnapshot.builder().name(name).help(help);
        catalogue.all().forEach(indicator -> snapshot.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of("indicator", indicator.code().value())).value(value.applyAsDouble(indicator))
                .build()));
        return snapshot.build();
    }

    private Labels labelsOf(IndicatorStatus status) {
        Territory territory = status.territory();
        TerritoryCode code = territory.code();
        boolean municipality = territory.level() == TerritoryLevel.MUNICIPALITY;
        return Labels.of(
                "region", code.region(),
                "region_name", municipality ? regionName.apply(code.regionCode()) : territory.name(),
                "municipality", municipality ? code.municipality() : "",
                "municipality_name", municipality ? territory.name() : "",
                "indicator", status.indicator().code().value());
    }
}
