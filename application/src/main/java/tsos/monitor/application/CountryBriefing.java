package tsos.monitor.application;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Level;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.status.Coverage;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.Ranking;
import tsos.monitor.domain.status.RatioOfSums;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.trend.ChangeRule;
import tsos.monitor.domain.trend.PeriodChange;

/**
 * The briefing of the whole country for a month, from the same statuses and parts as {@link RegionalBriefing}: the
 * country's figure of each indicator (the ratio of sums over its regions), the regions by level band with the
 * best and the worst, the named lists, the silent regions. The country has no plan of its own: its figures are
 * actuals and levels.
 */
public final class CountryBriefing {

    /**
     * The country's figure for an indicator.
     *
     * @param sum     the ratio of sums over the regions: how many it summed, how many inconsistent it left out
     * @param regions how many of the regions expected to report the indicator did
     */
    public record Figure(IndicatorDefinition indicator, RatioOfSums.Result sum, Coverage regions,
                         Optional<PeriodChange> sincePreviousMonth) {

        public Optional<Share> actual() {
            return sum.share();
        }

        public Optional<Percent> percent() {
            return actual().flatMap(Share::percent);
        }

        public Optional<Level> level() {
            return percent().flatMap(indicator.bands()::levelOf);
        }
    }

    /**
     * @param regions      each indicator's expected regions ranked, for the indicators some region has a percent of
     * @param inconsistent the regions whose counts contradict each other, left out of the country's sums
     */
    public record Briefing(Month month, List<Figure> headline, List<RegionalBriefing.Children> regions,
                           List<RegionalBriefing.NamedChildren> named, List<RegionalBriefing.SilentTerritory> silent,
                           List<IndicatorStatus> inconsistent, List<IndicatorDefinition> definitions,
                           Optional<Instant> lastReceived) {

        /** Indicators some expected regions did not report. */
        public List<Figure> partlyCovered() {
            return headline.stream().filter(f -> !f.regions().isComplete()).toList();
        }
    }

    private final IndicatorCatalogue catalogue;
    private final StatusQueries statuses;
    private final TerritoryDirectory territories;
    private final ReportStore reports;

    public CountryBriefing(IndicatorCatalogue catalogue, StatusQueries statuses, TerritoryDirectory territories,
                           ReportStore reports) {
        this.catalogue = catalogue;
        this.statuses = statuses;
        this.territories = territories;
        this.reports = reports;
    }

    public Briefing of(Month month) {
        Map<IndicatorDefinition, Ranking> byIndicator = new LinkedHashMap<>();
        List<IndicatorStatus> inconsistent = new ArrayList<>();
        Set<Territory> silentRegions = new LinkedHashSet<>();
        List<Figure> headline = new ArrayList<>();
        Map<IndicatorDefinition, Optional<Share>> before = previousMonth(month);
        Map<IndicatorDefinition, List<IndicatorStatus>> expectedRegions = expectedRegions(month);
        for (IndicatorDefinition indicator : catalogue.all()) {
            List<IndicatorStatus> expected = expectedRegions.get(indicator);
            byIndicator.put(indicator, new Ranking(expected));
            expected.stream().filter(RegionalBriefing::isInconsistent).forEach(inconsistent::add);
            expected.stream().filter(s -> s.actual().isEmpty()).forEach(s -> silentRegions.add(s.territory()));
            if (!expected.isEmpty()) {
                RatioOfSums.Result sum = sum(expected);
                headline.add(new Figure(indicator, sum, Coverage.of(expected), ChangeRule.between(
                        before.getOrDefault(indicator, Optional.empty()), sum.share())));
            }
        }
        List<RegionalBriefing.SilentTerritory> silent = new ArrayList<>();
        for (Territory region : silentRegions) {
            silent.addAll(RegionalBriefing.silent(statuses.silence(region.code().region(), month,
                    RegionalBriefing.ANY_DEADLINE), region::equals));
        }
        List<RegionalBriefing.Children> regions = byIndicator.entrySet().stream()
                .filter(e -> e.getValue().leader().isPresent())
                .map(e -> new RegionalBriefing.Children(e.getKey(), e.getValue())).toList();
        return new Briefing(month, headline, regions, RegionalBriefing.named(byIndicator), silent, inconsistent,
                headline.stream().map(Figure::indicator).toList(), reports.lastReceived(catalogue.metrics()));
    }

    /**
     * For each indicator, the regions expected to report it in the month (they or their municipalities), with their
     * status: each region read once for every indicator.
     */
    private Map<IndicatorDefinition, List<IndicatorStatus>> expectedRegions(Month month) {
        Map<IndicatorDefinition, List<IndicatorStatus>> expected = new LinkedHashMap<>();
        catalogue.all().forEach(indicator -> expected.put(indicator, new ArrayList<>()));
        for (Territory region : territories.regions()) {
            statuses.expectedStatuses(region, month, catalogue.all()).forEach((indicator, ofRegion) -> {
                if (!ofRegion.isEmpty()) {
                    expected.get(indicator).add(ofRegion.get(0));
                }
            });
        }
        return expected;
    }

    /** The country's figure of each indicator in the month before: every region's status, none expected. */
    private Map<IndicatorDefinition, Optional<Share>> previousMonth(Month month) {
        YearMonth previous = month.value().minusMonths(1);
        Map<IndicatorDefinition, Optional<Share>> before = new LinkedHashMap<>();
        if (ReportingYears.contain(previous.getYear())) {
            for (IndicatorDefinition indicator : catalogue.all()) {
                before.put(indicator, sum(statuses.regionsRanked(indicator.code().value(), new Month(previous))
                        .ranked()).share());
            }
        }
        return before;
    }

    /** Each region counted as one territory summed, whatever it summed below it. */
    private static RatioOfSums.Result sum(List<IndicatorStatus> regions) {
        return RatioOfSums.overChildren(regions.stream()
                .map(s -> new RatioOfSums.Result(s.actual(), s.actual().isPresent() ? 1 : 0, 0)).toList());
    }
}
