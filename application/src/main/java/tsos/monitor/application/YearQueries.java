package tsos.monitor.application;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.TerritoryCode;
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
        TerritoryReference regionReference = new TerritoryReference(region, "", "");
        Map<TerritoryCode, Map<Month, Share>> actuals = new HashMap<>();
        Map<TerritoryCode, IndicatorStatus> now = new LinkedHashMap<>();
        for (int m = 1; m <= month.value().getMonthValue(); m++) {
            Month known = Month.of(month.value().getYear(), m);
            territoriesOf(regionReference, region, indicator, known).forEach(status -> {
                status.actual().ifPresent(share -> actuals.computeIfAbsent(status.territory().code(),
                        code -> new HashMap<>()).put(known, share));
                if (known.equals(month)) {
                    now.put(status.territory().code(), status);
                }
            });
        }
        Map<TerritoryCode, Optional<Percent>> targets = new HashMap<>();
        territoriesOf(regionReference, region, indicator, Month.of(month.value().getYear(), 12))
                .forEach(december -> targets.put(december.territory().code(), december.planPercent()));
        return now.values().stream().map(status -> {
            TerritoryCode code = status.territory().code();
            return new TerritoryForecast(status, YearForecastRule.forecast(month,
                    actuals.getOrDefault(code, Map.of()), targets.getOrDefault(code, Optional.empty())));
        }).toList();
    }

    /** The region's status and its municipalities', in the ranking's order. */
    private Stream<IndicatorStatus> territoriesOf(TerritoryReference regionReference, String region, String indicator,
                                                  Month month) {
        return Stream.concat(Stream.of(statuses.status(regionReference, indicator, month)),
                statuses.municipalitiesRanked(region, indicator, month).ranked().stream());
    }
}
