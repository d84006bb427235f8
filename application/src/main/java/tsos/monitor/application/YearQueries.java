package tsos.monitor.application;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.TerritoryReference;
import tsos.monitor.domain.trend.YearForecast;
import tsos.monitor.domain.trend.YearForecastRule;

/**
 * The year of a territory: its plan for each of the twelve months read back beside the actuals, and where each
 * territory of a region is heading by December. Both are statuses of {@link StatusQueries}, month by month, so
 * they agree with every other answer of the service.
 */
public final class YearQueries {

    /** A territory's forecast and the status of the month it was made at. */
    public record TerritoryForecast(IndicatorStatus now, YearForecast forecast) {
    }

    private final StatusQueries statuses;

    public YearQueries(StatusQueries statuses) {
        this.statuses = statuses;
    }

    /**
     * For each indicator with a plan or quota in some month of the year (its own or its region's), the status of
     * each of the twelve months, indicator by indicator in the catalogue's order, January first.
     */
    public List<IndicatorStatus> yearPlan(TerritoryReference territory, Year year) {
        Map<IndicatorCode, List<IndicatorStatus>> byIndicator = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            for (IndicatorStatus status : statuses.statuses(territory, Month.of(year.getValue(), month))) {
                byIndicator.computeIfAbsent(status.indicator().code(), code -> new ArrayList<>()).add(status);
            }
        }
        return byIndicator.values().stream()
                .filter(months -> months.stream().anyMatch(status -> status.plan().isPresent()))
                .flatMap(List::stream)
                .toList();
    }

    /**
     * The forecast made at {@code month} for a region and each of its municipalities: from their statuses of
     * January to that month, against December's percent plan.
     */
    public List<TerritoryForecast> forecasts(String region, String indicator, Month month) {
        return paired(territoriesOf(new TerritoryReference(region, "", ""), region, indicator, month).toList());
    }

    /**
     * Every region's and municipality's forecast for every indicator, made at {@code month}: what
     * {@link #forecasts} answers for each region and indicator, with each region's months read once for all of
     * its indicators rather than once per call.
     */
    public List<TerritoryForecast> everyForecast(Month month) {
        List<TerritoryForecast> all = new ArrayList<>();
        statuses.periodStatuses(month, Optional.empty()).forEach(region -> all.addAll(paired(region.all().toList())));
        return all;
    }

    private List<TerritoryForecast> paired(List<IndicatorStatus> now) {
        List<YearForecast> forecasts = forecastsOf(now);
        return IntStream.range(0, now.size()).mapToObj(i -> new TerritoryForecast(now.get(i), forecasts.get(i)))
                .toList();
    }

    /**
     * The forecast of each status, in the same order, for statuses of one month (any territories and indicators):
     * made at that month from the same territory's and indicator's statuses of January to it, against December's
     * percent plan.
     */
    public List<YearForecast> forecastsOf(List<IndicatorStatus> ofOneMonth) {
        if (ofOneMonth.isEmpty()) {
            return List.of();
        }
        Month asOf = ofOneMonth.get(0).month();
        int year = asOf.value().getYear();
        List<Map<Month, Share>> actuals = ofOneMonth.stream().<Map<Month, Share>>map(status -> new HashMap<>()).toList();
        for (int m = 1; m <= asOf.value().getMonthValue(); m++) {
            Month known = Month.of(year, m);
            List<IndicatorStatus> then = known.equals(asOf) ? ofOneMonth : statuses.inPeriod(ofOneMonth, known);
            for (int i = 0; i < then.size(); i++) {
                Map<Month, Share> ofTerritory = actuals.get(i);
                then.get(i).actual().ifPresent(share -> ofTerritory.put(known, share));
            }
        }
        List<Optional<AppliedPlan>> december = statuses.plansIn(ofOneMonth, Month.of(year, 12));
        return IntStream.range(0, ofOneMonth.size()).mapToObj(i -> YearForecastRule.forecast(asOf, actuals.get(i),
                december.get(i).flatMap(AppliedPlan::percent))).toList();
    }

    /** The region's status and its municipalities', in the ranking's order. */
    private Stream<IndicatorStatus> territoriesOf(TerritoryReference regionReference, String region, String indicator,
                                                  Month month) {
        return Stream.concat(Stream.of(statuses.status(regionReference, indicator, month)),
                statuses.municipalitiesRanked(region, indicator, month).ranked().stream());
    }
}
