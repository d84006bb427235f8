package tsos.monitor.adapters.prometheus;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tsos.monitor.application.OutlookReadModel.Outlook;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.trend.ForecastState;
import tsos.monitor.domain.trend.PeriodChange;
import tsos.monitor.domain.trend.YearForecast;

/**
 * The change since the previous month and the year forecast of every current status, as gauges with the labels of
 * {@link IndicatorGauges}. Percents and points are as the command line prints them (7.97, not 0.0797). The change
 * has no series where there is no previous month; the forecast only where a year target (December's percent
 * plan) applies, so that a territory without one costs no series. The state is one number, so that the alert is
 * {@code == 1} as {@code tsos_indicator_below_plan} is and a dashboard maps it to words: 0 ON_TRACK, 1 OFF_TRACK,
 * 2 NO_DATA (a target but no month of the year with a percent); NO_TARGET has no series.
 */
final class OutlookGauges {

    /** The forecast state's number on /metrics, the meaning of every value the alert and dashboards read. */
    static final Map<ForecastState, Double> STATE_VALUES = Map.of(ForecastState.ON_TRACK, 0.0,
            ForecastState.OFF_TRACK, 1.0, ForecastState.NO_DATA, 2.0);

    private record Gauge(String name, String help, Function<Outlook, Optional<Double>> value) {
    }

    private static final List<Gauge> GAUGES = List.of(
            new Gauge("tsos_indicator_change_pp", "The actual's change since the previous month, in percentage "
                    + "points (the difference of the two percents as shown).",
                    o -> o.change().flatMap(PeriodChange::changePp).map(OutlookGauges::value)),
            new Gauge("tsos_indicator_numerator_change_percent", "The numerator's change since the previous month, "
                    + "in percent of the previous count (the arrows' «↑ 46.5 %»).",
                    o -> o.change().flatMap(PeriodChange::numeratorChangePercent).map(BigDecimal::doubleValue)),
            new Gauge("tsos_indicator_change_direction", "Which way the actual moved since the previous month: "
                    + "1 up, 0 flat, -1 down.", o -> o.change().map(change -> switch (change.direction()) {
                        case UP -> 1.0;
                        case FLAT -> 0.0;
                        case DOWN -> -1.0;
                    })),
            new Gauge("tsos_indicator_forecast_percent", "The actual projected to December (Theil-Sen over this "
                    + "year's months, summer left out), in percent.",
                    o -> targeted(o).flatMap(YearForecast::forecastPercent).map(OutlookGauges::value)),
            new Gauge("tsos_indicator_year_target_percent", "The year target: December's percent plan.",
                    o -> targeted(o).flatMap(YearForecast::yearTargetPercent).map(OutlookGauges::value)),
            new Gauge("tsos_indicator_required_pp_per_month", "The pace needed from the current month to reach the "
                    + "year target, in percentage points per remaining month (0 when reached).",
                    o -> targeted(o).flatMap(YearForecast::requiredPpPerMonth).map(OutlookGauges::value)),
            new Gauge("tsos_indicator_needed", "How many more (people or schools: the numerator) reach the year "
                    + "target at the current denominator.", o -> targeted(o).flatMap(forecast -> forecast.needed()
                            .isPresent() ? Optional.of((double) forecast.needed().getAsLong()) : Optional.empty())),
            new Gauge("tsos_indicator_forecast_state", "Whether the year target will be met: 0 ON_TRACK, "
                    + "1 OFF_TRACK, 2 NO_DATA (no series without a target).",
                    o -> targeted(o).map(forecast -> STATE_VALUES.get(forecast.state()))));

    private OutlookGauges() {
    }

    static List<MetricSnapshot> snapshots(List<Outlook> outlooks, Function<IndicatorStatus, Labels> labels,
                                          IndicatorCatalogue catalogue) {
        List<Labels> labelled = outlooks.stream().map(outlook -> labels.apply(outlook.status())).toList();
        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (Gauge gauge : GAUGES) {
            GaugeSnapshot.Builder snapshot = GaugeSnapshot.builder().name(gauge.name()).help(gauge.help());
            for (int i = 0; i < outlooks.size(); i++) {
                Labels of = labelled.get(i);
                gauge.value().apply(outlooks.get(i)).ifPresent(value -> snapshot.dataPoint(
                        GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(of).value(value).build()));
            }
            snapshots.add(snapshot.build());
        }
        // What the numerator counts, so that an alert can say "6 more schools_using_platform".
        GaugeSnapshot.Builder definitions = GaugeSnapshot.builder().name("tsos_indicator_definition_info")
                .help("An indicator's numerator and denominator metrics (value 1).");
        catalogue.all().forEach(indicator -> definitions.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of("indicator", indicator.code().value(), "numerator", indicator.numerator().name(),
                        "denominator", indicator.denominator().name())).value(1).build()));
        snapshots.add(definitions.build());
        return snapshots;
    }

    /** The forecast, where a year target applies. */
    private static Optional<YearForecast> targeted(Outlook outlook) {
        return Optional.of(outlook.forecast()).filter(forecast -> forecast.state() != ForecastState.NO_TARGET);
    }

    private static double value(Percent percent) {
        return percent.hundredths() / 100.0;
    }
}
