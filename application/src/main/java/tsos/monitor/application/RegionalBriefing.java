package tsos.monitor.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import tsos.monitor.domain.indicator.ActivityOfRegistered;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Level;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.status.IndicatorState;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.Ranking;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;
import tsos.monitor.domain.territory.TerritoryReference;
import tsos.monitor.domain.trend.PeriodChange;
import tsos.monitor.domain.trend.YearForecast;
import tsos.monitor.domain.trend.YearForecastRule;

/**
 * The briefing a regional ministry (or a municipality's education authority) sends: for one territory and month,
 * what the slides and letters show, assembled from the statuses of {@link StatusQueries} as they are now.
 */
public final class RegionalBriefing {

    /** The territory's children (a region's municipalities, a municipality's schools) by one indicator. */
    public record Children(IndicatorDefinition indicator, Ranking ranking) {

        /** The children in a level band, highest first. */
        public List<IndicatorStatus> in(Level level) {
            return ranking.ranked().stream().filter(s -> s.level().filter(level::equals).isPresent()).toList();
        }

        /** Children the ranking cannot place: nothing reported, or counts that contradict each other. */
        public List<IndicatorStatus> withoutPercent() {
            return ranking.ranked().stream().filter(s -> s.percent().isEmpty()).toList();
        }
    }

    /** Children named by their registration and activity (the Orel slides' lists). */
    public record NamedChildren(ActivityOfRegistered pair, List<Territory> notRegistered,
                                List<Territory> registeredButInactive) {
    }

    /** The territory among its peers (a region among all regions, a municipality among its region's). */
    public record AmongPeers(IndicatorDefinition indicator, IndicatorStatus own, int place, Ranking peers) {

        /** How many peers the place is among: those with a percent. */
        public long placed() {
            return peers.ranked().stream().filter(s -> s.percent().isPresent()).count();
        }
    }

    /**
     * One indicator's plan for each month of the year beside the actual where there is data, and where it is
     * heading by December from the months up to the briefing's.
     */
    public record YearPlan(IndicatorDefinition indicator, List<IndicatorStatus> months, YearForecast forecast) {

        /** The briefing month's actual percent, where the forecast line starts. */
        public Optional<Percent> latestPercent() {
            return months.get(forecast.asOf().value().getMonthValue() - 1).percent();
        }
    }

    /** A territory expected to report that sent nothing for the month, with its silent indicators. */
    public record SilentTerritory(Territory territory, List<StatusQueries.Silent> indicators) {
    }

    /**
     * @param sincePreviousMonth each headline indicator's change since the previous month, where there is one
     * @param silent             the territory's (or, for a region, its municipalities') silence this month
     */
    public record Briefing(Territory territory, Month month, List<IndicatorStatus> headline,
                           Map<IndicatorDefinition, PeriodChange> sincePreviousMonth,
                           List<Children> children, List<NamedChildren> named, List<AmongPeers> amongPeers,
                           List<YearPlan> year, List<SilentTerritory> silent, List<IndicatorStatus> inconsistent,
                           List<IndicatorDefinition> definitions, Optional<Instant> lastReceived) {

        /** Headline figures some expected children did not report to. */
        public List<IndicatorStatus> partlyCovered() {
            return headline.stream().filter(s -> !s.coverage().isComplete()).toList();
        }
    }

    /** A region and the months it has data for, newest first: the briefings there are to read. */
    public record RegionMonths(Territory region, List<Month> months) {
    }

    /** Whether a report came late does not change who is silent: the briefing lists the silent only. */
    private static final Duration ANY_DEADLINE = Duration.ZERO;

    private final StatusQueries statuses;
    private final StatusChanges changes;
    private final TerritoryDirectory territories;
    private final ReportStore reports;

    public RegionalBriefing(StatusQueries statuses, StatusChanges changes, TerritoryDirectory territories,
                            ReportStore reports) {
        this.statuses = statuses;
        this.changes = changes;
        this.territories = territories;
        this.reports = reports;
    }

    public Briefing of(TerritoryReference reference, Month month) {
        List<IndicatorStatus> own = statuses.statuses(reference, month);
        Territory territory = own.get(0).territory();
        TerritoryCode region = territory.code().regionCode();
        List<IndicatorStatus> headline = own.stream()
                .filter(s -> s.state() != IndicatorState.NO_DATA || s.plan().isPresent()).toList();
        List<Territory> childTerritories = territories.children(territory.code());
        Map<IndicatorDefinition, Ranking> byIndicator = rankings(region, month, statuses.catalogue().all(),
                childTerritories);
        List<Children> children = byIndicator.entrySet().stream()
                .filter(e -> e.getValue().leader().isPresent())
                .map(e -> new Children(e.getKey(), e.getValue())).toList();
        List<IndicatorStatus> inconsistent = new ArrayList<>(own.stream().filter(RegionalBriefing::isInconsistent)
                .toList());
        byIndicator.values().forEach(r -> r.ranked().stream().filter(RegionalBriefing::isInconsistent)
                .forEach(inconsistent::add));
        List<IndicatorDefinition> shown = headline.stream().map(IndicatorStatus::indicator).toList();
        Map<IndicatorDefinition, PeriodChange> sincePreviousMonth = new LinkedHashMap<>();
        headline.forEach(s -> changes.sincePreviousPeriod(s).ifPresent(c -> sincePreviousMonth.put(s.indicator(), c)));
        return new Briefing(territory, month, headline, sincePreviousMonth, children, named(byIndicator),
                amongPeers(territory, month, headline), year(reference, month, shown), silent(territory, month),
                inconsistent,
                statuses.catalogue().all().stream().filter(i -> shown.contains(i) || byIndicator.get(i).leader()
                        .isPresent()).toList(),
                lastReceived(territory));
    }

    /** Every region with data, and its months. */
    public List<RegionMonths> index() {
        return territories.regions().stream()
                .map(region -> new RegionMonths(region, reports.monthsWithData(region.code(),
                        statuses.catalogue().metrics()).stream().sorted(Comparator.reverseOrder()).toList()))
                .filter(r -> !r.months().isEmpty()).toList();
    }

    private Map<IndicatorDefinition, Ranking> rankings(TerritoryCode region, Month month,
                                                       Iterable<IndicatorDefinition> indicators,
                                                       List<Territory> of) {
        Map<IndicatorDefinition, List<Territory>> wanted = new LinkedHashMap<>();
        indicators.forEach(indicator -> wanted.put(indicator, of));
        Map<IndicatorDefinition, List<IndicatorStatus>> grouped = new HashMap<>();
        statuses.statusesIn(region, month, wanted)
                .forEach(s -> grouped.computeIfAbsent(s.indicator(), i -> new ArrayList<>()).add(s));
        Map<IndicatorDefinition, Ranking> rankings = new LinkedHashMap<>();
        wanted.keySet().forEach(i -> rankings.put(i, new Ranking(grouped.getOrDefault(i, List.of()))));
        return rankings;
    }

    private static List<NamedChildren> named(Map<IndicatorDefinition, Ranking> byIndicator) {
        List<NamedChildren> named = new ArrayList<>();
        for (ActivityOfRegistered pair : ActivityOfRegistered.in(byIndicator.keySet())) {
            Map<Territory, Optional<Share>> active = new HashMap<>();
            byIndicator.get(pair.active()).ranked().forEach(s -> active.put(s.territory(), s.actual()));
            List<Territory> notRegistered = new ArrayList<>();
            List<Territory> inactive = new ArrayList<>();
            boolean told = false;
            for (IndicatorStatus registered : byIndicator.get(pair.registered()).ranked()) {
                Optional<ActivityOfRegistered.Standing> standing = ActivityOfRegistered.standingOf(
                        registered.actual(), active.getOrDefault(registered.territory(), Optional.empty()));
                told |= standing.isPresent();
                standing.filter(ActivityOfRegistered.Standing.NOT_REGISTERED::equals)
                        .ifPresent(s -> notRegistered.add(registered.territory()));
                standing.filter(ActivityOfRegistered.Standing.REGISTERED_BUT_INACTIVE::equals)
                        .ifPresent(s -> inactive.add(registered.territory()));
            }
            if (told) {
                notRegistered.sort(Comparator.comparing(Territory::name));
                inactive.sort(Comparator.comparing(Territory::name));
                named.add(new NamedChildren(pair, notRegistered, inactive));
            }
        }
        return named;
    }

    /** A region among the country's regions; a municipality among its region's; a school among its municipality's. */
    private List<AmongPeers> amongPeers(Territory territory, Month month, List<IndicatorStatus> headline) {
        List<IndicatorStatus> withPercent = headline.stream().filter(s -> s.percent().isPresent()).toList();
        if (withPercent.isEmpty()) {
            return List.of();
        }
        Map<IndicatorDefinition, Ranking> peers = new LinkedHashMap<>();
        if (territory.level() == TerritoryLevel.REGION) {
            Map<IndicatorDefinition, List<IndicatorStatus>> ofRegions = new LinkedHashMap<>();
            statuses.monthStatuses(month, Optional.empty()).forEach(region -> region.ofRegion()
                    .forEach(s -> ofRegions.computeIfAbsent(s.indicator(), i -> new ArrayList<>()).add(s)));
            ofRegions.forEach((indicator, ofIndicator) -> peers.put(indicator, new Ranking(ofIndicator)));
        } else {
            TerritoryCode parent = territory.code().parent().orElseThrow();
            peers.putAll(rankings(parent.regionCode(), month,
                    withPercent.stream().map(IndicatorStatus::indicator).toList(), territories.children(parent)));
        }
        List<AmongPeers> among = new ArrayList<>();
        for (IndicatorStatus own : withPercent) {
            Ranking ranking = peers.get(own.indicator());
            ranking.ranked().stream().filter(s -> s.territory().code().equals(territory.code())).findFirst()
                    .flatMap(ranking::placeOf)
                    .ifPresent(place -> among.add(new AmongPeers(own.indicator(), own, place, ranking)));
        }
        return among;
    }

    private List<YearPlan> year(TerritoryReference reference, Month month, List<IndicatorDefinition> shown) {
        List<List<IndicatorStatus>> months = IntStream.rangeClosed(1, 12)
                .mapToObj(m -> statuses.statuses(reference, Month.of(month.value().getYear(), m))).toList();
        List<YearPlan> year = new ArrayList<>();
        for (IndicatorDefinition indicator : shown) {
            List<IndicatorStatus> ofIndicator = months.stream()
                    .map(ofMonth -> ofMonth.stream().filter(s -> s.indicator().equals(indicator)).findFirst()
                            .orElseThrow()).toList();
            if (ofIndicator.stream().anyMatch(s -> s.plan().isPresent())) {
                Map<Month, Share> actuals = new HashMap<>();
                ofIndicator.forEach(s -> s.actual().ifPresent(share -> actuals.put(s.month(), share)));
                year.add(new YearPlan(indicator, ofIndicator, YearForecastRule.forecast(month, actuals,
                        ofIndicator.get(11).planPercent())));
            }
        }
        return year;
    }

    /** A region's silent territories (itself and its municipalities) by name; a municipality's own silence. */
    private List<SilentTerritory> silent(Territory territory, Month month) {
        Map<Territory, List<StatusQueries.Silent>> byTerritory = new LinkedHashMap<>();
        statuses.silence(territory.code().region(), month, ANY_DEADLINE).silent().stream()
                .filter(s -> territory.level() == TerritoryLevel.REGION || s.territory().equals(territory))
                .forEach(s -> byTerritory.computeIfAbsent(s.territory(), t -> new ArrayList<>()).add(s));
        return byTerritory.entrySet().stream().map(e -> new SilentTerritory(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(t -> t.territory().name())).toList();
    }

    private Optional<Instant> lastReceived(Territory territory) {
        return reports.dataMonths(territory.code().regionCode(), statuses.catalogue().metrics()).stream()
                .filter(d -> d.territory().equals(territory.code())
                        || territory.code().isAncestorOf(d.territory()))
                .map(ReportStore.DataMonth::lastReceived).max(Comparator.naturalOrder());
    }

    private static boolean isInconsistent(IndicatorStatus status) {
        return status.state() == IndicatorState.INCONSISTENT;
    }
}
