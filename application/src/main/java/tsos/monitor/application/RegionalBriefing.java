package tsos.monitor.application;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.ActivityOfRegistered;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Level;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.status.Completeness;
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

        /** A child's status, when it is one of these children. */
        public Optional<IndicatorStatus> of(Territory child) {
            return ranking.ranked().stream().filter(s -> s.territory().equals(child)).findFirst();
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
     * @param reporting          of the reports expected this month (each territory and indicator), those received:
     *                           a region's are its municipalities' (its own where it has none)
     * @param you                for a school's card, the school among its municipality's children: «вы»
     */
    public record Briefing(Territory territory, Month month, List<IndicatorStatus> headline,
                           Map<IndicatorDefinition, PeriodChange> sincePreviousMonth,
                           List<Children> children, List<NamedChildren> named, List<AmongPeers> amongPeers,
                           List<YearPlan> year, List<SilentTerritory> silent, Completeness reporting,
                           List<IndicatorStatus> inconsistent, List<IndicatorDefinition> definitions,
                           Optional<Instant> lastReceived, Optional<Territory> you) {

        /** The school card: «you» among the municipality's schools by each indicator it has a place in. */
        public List<AmongPeers> card() {
            return you.stream().flatMap(school -> children.stream().flatMap(c -> c.of(school)
                    .flatMap(own -> c.ranking().placeOf(own).map(place -> new AmongPeers(c.indicator(), own, place,
                            c.ranking()))).stream())).toList();
        }

        /** Headline figures some expected children did not report to. */
        public List<IndicatorStatus> partlyCovered() {
            return headline.stream().filter(s -> !s.coverage().isComplete()).toList();
        }
    }

    /** A region and the months it has data for, newest first: the briefings there are to read. */
    public record RegionMonths(Territory region, List<Month> months) {
    }

    /** Whether a report came late does not change who is silent: the briefing lists the silent only. */
    static final Duration ANY_DEADLINE = Duration.ZERO;

    private final IndicatorCatalogue catalogue;
    private final StatusQueries statuses;
    private final StatusChanges changes;
    private final YearQueries years;
    private final TerritoryDirectory territories;
    private final ReportStore reports;

    public RegionalBriefing(IndicatorCatalogue catalogue, StatusQueries statuses, StatusChanges changes,
                            YearQueries years, TerritoryDirectory territories, ReportStore reports) {
        this.catalogue = catalogue;
        this.statuses = statuses;
        this.changes = changes;
        this.years = years;
        this.territories = territories;
        this.reports = reports;
    }

    /** A region's or municipality's briefing; a school's is its municipality's, with the school as «you». */
    public Briefing of(TerritoryReference reference, Month month) {
        List<IndicatorStatus> own = statuses.statuses(reference, month);
        Territory asked = own.get(0).territory();
        if (asked.level() == TerritoryLevel.SCHOOL) {
            TerritoryReference municipality = new TerritoryReference(reference.region(), reference.municipality(), "");
            return of(municipality, statuses.statuses(municipality, month), month, Optional.of(asked));
        }
        return of(reference, own, month, Optional.empty());
    }

    private Briefing of(TerritoryReference reference, List<IndicatorStatus> own, Month month,
                        Optional<Territory> you) {
        Territory territory = own.get(0).territory();
        TerritoryCode region = territory.code().regionCode();
        List<IndicatorStatus> headline = own.stream()
                .filter(s -> s.state() != IndicatorState.NO_DATA || s.plan().isPresent()).toList();
        List<Territory> childTerritories = territories.children(territory.code());
        Map<IndicatorDefinition, Ranking> byIndicator = rankings(region, month, catalogue.all(),
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
        StatusQueries.Silence silence = statuses.silence(region.region(), month, ANY_DEADLINE);
        Completeness reporting = silence.completeness().stream().filter(c -> c.territory().equals(territory))
                .map(StatusQueries.TerritoryCompleteness::completeness).findFirst().orElse(Completeness.NONE);
        return new Briefing(territory, month, headline, sincePreviousMonth, children, named(byIndicator),
                amongPeers(territory, month, headline), year(reference, month, shown),
                silent(silence, t -> territory.level() == TerritoryLevel.REGION || t.equals(territory)), reporting,
                inconsistent,
                catalogue.all().stream().filter(i -> shown.contains(i) || byIndicator.get(i).leader()
                        .isPresent()).toList(),
                lastReceived(territory), you);
    }

    /** Every region with data, and its months. */
    public List<RegionMonths> index() {
        return territories.regions().stream()
                .map(region -> new RegionMonths(region, reports.monthsWithData(region.code(),
                        catalogue.metrics()).stream().sorted(Comparator.reverseOrder()).toList()))
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

    static List<NamedChildren> named(Map<IndicatorDefinition, Ranking> byIndicator) {
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
            statuses.periodStatuses(month, Optional.empty()).forEach(region -> region.ofRegion()
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
        List<IndicatorStatus> planned = years.yearPlan(reference, Year.of(month.value().getYear()));
        List<YearPlan> year = new ArrayList<>();
        for (int from = 0; from < planned.size(); from += 12) {
            List<IndicatorStatus> ofIndicator = planned.subList(from, from + 12);
            if (shown.contains(ofIndicator.get(0).indicator())) {
                Map<Month, Share> actuals = new HashMap<>();
                ofIndicator.forEach(s -> s.actual().ifPresent(share -> actuals.put(s.month(), share)));
                year.add(new YearPlan(ofIndicator.get(0).indicator(), ofIndicator, YearForecastRule.forecast(month,
                        actuals, ofIndicator.get(11).planPercent())));
            }
        }
        return year;
    }

    /** The silent territories {@code named} of a region's silence, by name, each with its silent indicators. */
    static List<SilentTerritory> silent(StatusQueries.Silence silence, Predicate<Territory> named) {
        Map<Territory, List<StatusQueries.Silent>> byTerritory = new LinkedHashMap<>();
        silence.silent().stream().filter(s -> named.test(s.territory()))
                .forEach(s -> byTerritory.computeIfAbsent(s.territory(), t -> new ArrayList<>()).add(s));
        return byTerritory.entrySet().stream().map(e -> new SilentTerritory(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(t -> t.territory().name())).toList();
    }

    private Optional<Instant> lastReceived(Territory territory) {
        return reports.dataMonths(territory.code().regionCode(), catalogue.metrics()).stream()
                .filter(d -> d.territory().equals(territory.code())
                        || territory.code().isAncestorOf(d.territory()))
                .map(ReportStore.DataMonth::lastReceived).max(Comparator.naturalOrder());
    }

    static boolean isInconsistent(IndicatorStatus status) {
        return status.state() == IndicatorState.INCONSISTENT;
    }
}
