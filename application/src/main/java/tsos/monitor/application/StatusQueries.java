package tsos.monitor.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.ReportingCadence;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.status.Completeness;
import tsos.monitor.domain.status.ExpectedReporters;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.Ranking;
import tsos.monitor.domain.status.StatusPeriod;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryReference;
import tsos.monitor.domain.territory.TerritoryResolution;

/**
 * Actual against plan: one territory's status, a region's municipalities ranked, a month's statuses for the
 * country. Every answer is computed from a region-month kept in memory while the region's revision is unchanged.
 */
public final class StatusQueries {

    /**
     * Every status of one region in a month: the region's own for each indicator of the catalogue, and its
     * municipalities ranked by each, in the catalogue's order.
     */
    public record RegionStatuses(Territory region, List<IndicatorStatus> ofRegion, List<Ranking> rankings) {

        public Stream<IndicatorStatus> all() {
            return Stream.concat(ofRegion.stream(), rankings.stream().flatMap(ranking -> ranking.ranked().stream()));
        }
    }

    private final IndicatorCatalogue catalogue;
    private final TerritoryDirectory territories;
    private final ReportStore reports;
    private final RegionRevisions revisions;
    private final RegionMonths regionMonths;

    /** @param regionMonthsKept how many region-months to keep in memory (89 are one month of the country) */
    public StatusQueries(IndicatorCatalogue catalogue, TerritoryDirectory territories, ReportStore reports,
                         PlanStore plans, RegionRevisions revisions, int regionMonthsKept) {
        this.catalogue = catalogue;
        this.territories = territories;
        this.reports = reports;
        this.revisions = revisions;
        this.regionMonths = new RegionMonths(reports, plans, catalogue, territories, regionMonthsKept);
    }

    /**
     * One indicator of one territory in a period: a month, or an ISO week of a weekly indicator.
     *
     * @throws PeriodOfOtherCadence for a week of a monthly indicator
     */
    public IndicatorStatus status(TerritoryReference reference, String indicatorCode, ReportingPeriod period) {
        Territory territory = territory(reference);
        IndicatorDefinition indicator = indicator(indicatorCode, period);
        return regionMonth(territory.code().regionCode(), period).statusOf(territory, indicator);
    }

    /**
     * The statuses of the same territories and indicators in another period, in the same order: each region's
     * period is read once, however many of its territories are asked for.
     */
    public List<IndicatorStatus> inPeriod(List<IndicatorStatus> statuses, ReportingPeriod period) {
        return regionByRegion(statuses, period, (status, data) -> data.statusOf(status.territory(), status.indicator()));
    }

    /**
     * The plan that applies to each status's territory and indicator in another month of its year, in the same
     * order, for statuses of one period: from the plans of the year that period's region-months hold, so no other
     * month is read.
     */
    public List<Optional<AppliedPlan>> plansIn(List<IndicatorStatus> ofOnePeriod, Month month) {
        return ofOnePeriod.isEmpty() ? List.of() : regionByRegion(ofOnePeriod, ofOnePeriod.get(0).period(),
                (status, data) -> data.planIn(status.territory(), status.indicator(), month));
    }

    /** Each status's answer from its region's region-month of the period, each region's read once. */
    private <T> List<T> regionByRegion(List<IndicatorStatus> statuses, ReportingPeriod period,
                                       BiFunction<IndicatorStatus, RegionMonth, T> answer) {
        Map<TerritoryCode, RegionMonth> read = new HashMap<>();
        return statuses.stream().map(status -> answer.apply(status, read.computeIfAbsent(
                status.territory().code().regionCode(), region -> regionMonth(region, period)))).toList();
    }

    /** Every indicator of the catalogue with statuses in the period (a week's: the weekly) for one territory. */
    public List<IndicatorStatus> statuses(TerritoryReference reference, ReportingPeriod period) {
        Territory territory = territory(reference);
        RegionMonth data = regionMonth(territory.code().regionCode(), period);
        return catalogue.all().stream().filter(indicator -> StatusPeriod.fits(indicator.cadence(), period))
                .map(indicator -> data.statusOf(territory, indicator)).toList();
    }

    /** A municipality's registered schools ranked by an indicator in a period (the school card's you / leader / outsider). */
    public Ranking schoolsRanked(TerritoryReference municipalityReference, String indicatorCode,
                                 ReportingPeriod period) {
        Territory municipality = territory(municipalityReference);
        IndicatorDefinition indicator = indicator(indicatorCode, period);
        return ranking(territories.children(municipality.code()), indicator,
                regionMonth(municipality.code().regionCode(), period));
    }

    /** The regions of the country ranked by an indicator in a period, each region's figure its own or its ratio of sums. */
    public Ranking regionsRanked(String indicatorCode, ReportingPeriod period) {
        IndicatorDefinition indicator = indicator(indicatorCode, period);
        Map<TerritoryCode, Long> revisionOf = revisions.all();
        return new Ranking(territories.regions().stream().map(region -> regionMonths.of(region.code(), period,
                revisionOf.getOrDefault(region.code(), 0L)).statusOf(region, indicator)).toList());
    }

    public Ranking municipalitiesRanked(String region, String indicatorCode, ReportingPeriod period) {
        Territory regionTerritory = territory(new TerritoryReference(region, "", ""));
        IndicatorDefinition indicator = indicator(indicatorCode, period);
        return ranking(territories.children(regionTerritory.code()), indicator,
                regionMonth(regionTerritory.code(), period));
    }

    /**
     * Every status of a month (or of an ISO week: the weekly indicators'), region by region, for the country or for
     * the one region named: computed when the stream is read, so that a caller can send each region's as soon as it
     * is ready.
     */
    public Stream<RegionStatuses> periodStatuses(ReportingPeriod period, Optional<String> region) {
        List<Territory> regions = region.isPresent() ? List.of(territory(new TerritoryReference(region.get(), "", "")))
                : territories.regions();
        Map<TerritoryCode, Long> revisionOf = revisions.all();
        List<IndicatorDefinition> indicators = catalogue.all().stream()
                .filter(indicator -> StatusPeriod.fits(indicator.cadence(), period)).toList();
        return regions.stream().map(regionTerritory -> {
            RegionMonth data = regionMonths.of(regionTerritory.code(), period,
                    revisionOf.getOrDefault(regionTerritory.code(), 0L));
            List<Territory> municipalities = territories.children(regionTerritory.code());
            return new RegionStatuses(regionTerritory,
                    indicators.stream().map(indicator -> data.statusOf(regionTerritory, indicator)).toList(),
                    indicators.stream().map(indicator -> ranking(municipalities, indicator, data)).toList());
        });
    }

    /**
     * Every region and municipality (of one region, or of the country) and indicator below plan in a month, or
     * every weekly indicator's in an ISO week.
     */
    public List<IndicatorStatus> belowPlan(ReportingPeriod period, Optional<String> region) {
        return periodStatuses(period, region).flatMap(RegionStatuses::all).filter(IndicatorStatus::isBelowPlan)
                .toList();
    }

    /**
     * Each month's status, oldest first, each ISO week's of a weekly indicator (empty for a monthly one), and every
     * value the territory reported for the indicator.
     */
    public record History(List<IndicatorStatus> months, List<IndicatorStatus> weeks,
                          List<ReportStore.ReportedValue> values) {
    }

    public History history(TerritoryReference reference, String indicatorCode) {
        Territory territory = territory(reference);
        IndicatorDefinition indicator = indicator(indicatorCode);
        TerritoryCode region = territory.code().regionCode();
        long revision = revisions.of(region);
        List<ReportStore.ReportedValue> values = reports.history(territory.code(), indicator.metrics());
        List<IndicatorStatus> months = reports.monthsWithData(territory.code(), indicator.metrics()).stream()
                .map(month -> regionMonths.of(region, month, revision).statusOf(territory, indicator))
                .toList();
        List<IndicatorStatus> weeks = indicator.cadence() != ReportingCadence.WEEKLY ? List.of()
                : reports.weeksWithData(territory.code(), indicator.metrics()).stream()
                .map(week -> regionMonths.of(region, week, revision).statusOf(territory, indicator))
                .toList();
        return new History(months, weeks, values);
    }

    /** The statuses of many territories of one region in one month, for many indicators (the briefing's). */
    public List<IndicatorStatus> statusesIn(TerritoryCode region, Month month,
                                            Map<IndicatorDefinition, List<Territory>> wanted) {
        RegionMonth data = regionMonth(region, month);
        List<IndicatorStatus> statuses = new ArrayList<>();
        wanted.forEach((indicator, ofRegion) -> ofRegion.forEach(t -> statuses.add(data.statusOf(t, indicator))));
        return statuses;
    }

    /**
     * For each indicator, the statuses in a period of the region and of every registered municipality of it that is
     * expected to report it ({@link tsos.monitor.domain.status.ExpectedReporters}): each with its figure or
     * {@code NO_DATA}. The region is listed first whenever it or one of its municipalities is expected. The region's
     * data for the period is read once for all the indicators.
     */
    public Map<IndicatorDefinition, List<IndicatorStatus>> expectedStatuses(Territory region, ReportingPeriod period,
                                                                          Collection<IndicatorDefinition> indicators) {
        RegionMonth data = regionMonth(region.code(), period);
        List<Territory> municipalities = data.municipalities(region.code());
        Map<IndicatorDefinition, List<IndicatorStatus>> expected = new LinkedHashMap<>();
        for (IndicatorDefinition indicator : indicators) {
            List<IndicatorStatus> statuses = new ArrayList<>();
            municipalities.stream().filter(municipality -> data.expects(municipality.code(), indicator))
                    .forEach(municipality -> statuses.add(data.statusOf(municipality, indicator)));
            if (!statuses.isEmpty() || data.expects(region.code(), indicator)) {
                statuses.add(0, data.statusOf(region, indicator));
            }
            expected.put(indicator, statuses);
        }
        return expected;
    }

    /**
     * An expected territory and indicator with no report in the period, and the period it last reported in (a
     * month, or for a week's silence an ISO week), with that period's month.
     */
    public record Silent(Territory territory, IndicatorDefinition indicator, Optional<Month> lastReported,
                         Optional<ReportingPeriod> lastPeriod) {
    }

    /** A region's or municipality's reporting rate in the period. */
    public record TerritoryCompleteness(Territory territory, Completeness completeness) {
    }

    /** The silent of a region in a period, and the completeness of the region and of each of its municipalities. */
    public record Silence(List<Silent> silent, List<TerritoryCompleteness> completeness) {
    }

    /**
     * Every territory and indicator of a region expected to report in the period (a month; or an ISO week, for
     * the weekly indicators) that sent nothing for it, with the period it last sent one of the indicator's own
     * counts in (a denominator, shared with other indicators, does not report it); and per territory (a region by
     * its municipalities' reports, or its own when it has none registered), the share of expected reports
     * received, and received by {@code deadline} after the period ({@link ReportArrivals}).
     */
    public Silence silence(String regionCode, ReportingPeriod period, Duration deadline) {
        Territory region = territory(new TerritoryReference(regionCode, "", ""));
        Map<TerritoryCode, List<ReportStore.DataMonth>> sent = reports.dataMonths(region.code(), catalogue.metrics())
                .stream().collect(Collectors.groupingBy(ReportStore.DataMonth::territory));
        ReportArrivals arrivals = ReportArrivals.of(period, sent, period instanceof IsoWeek week
                ? reports.dataWeeks(region.code(), week, catalogue.metrics()) : List.of());
        List<Silent> silent = new ArrayList<>();
        Map<TerritoryCode, Completeness> rates = new LinkedHashMap<>();
        Map<TerritoryCode, Territory> named = new HashMap<>();
        List<IndicatorDefinition> ofPeriod = catalogue.all().stream()
                .filter(indicator -> StatusPeriod.fits(indicator.cadence(), period)).toList();
        for (var ofIndicator : expectedStatuses(region, period, ofPeriod).entrySet()) {
            IndicatorDefinition indicator = ofIndicator.getKey();
            for (IndicatorStatus status : ofIndicator.getValue()) {
                Territory territory = status.territory();
                boolean received = status.actual().isPresent();
                boolean onTime = received && arrivals.firstReceived(territory.code(), indicator)
                        .filter(first -> Completeness.onTime(first, period.end(), deadline)).isPresent();
                if (!received) {
                    Optional<ReportingPeriod> last = arrivals.lastReported(territory.code(), indicator);
                    silent.add(new Silent(territory, indicator, last.map(p -> new Month(p.planMonth())), last));
                }
                named.put(territory.code(), territory);
                rates.merge(territory.code(), Completeness.NONE.with(received, onTime), Completeness::plus);
            }
        }
        List<TerritoryCompleteness> completeness = new ArrayList<>();
        // A region's rate is its municipalities' (as DHIS2 sums the units below); its own where it has none.
        Completeness ofMunicipalities = rates.entrySet().stream().filter(rate -> !rate.getKey().equals(region.code()))
                .map(Map.Entry::getValue).reduce(Completeness.NONE, Completeness::plus);
        completeness.add(new TerritoryCompleteness(region, ofMunicipalities.expected() > 0 ? ofMunicipalities
                : rates.getOrDefault(region.code(), Completeness.NONE)));
        rates.forEach((code, rate) -> {
            if (!code.equals(region.code())) {
                completeness.add(new TerritoryCompleteness(named.get(code), rate));
            }
        });
        silent.sort(Comparator.comparing((Silent s) -> s.territory().code().toString())
                .thenComparing(s -> s.indicator().code()));
        return new Silence(silent, completeness);
    }


    private RegionMonth regionMonth(TerritoryCode region, ReportingPeriod period) {
        return regionMonths.of(region, period, revisions.of(region));
    }

    private static Ranking ranking(List<Territory> municipalities, IndicatorDefinition indicator, RegionMonth data) {
        return new Ranking(municipalities.stream().map(municipality -> data.statusOf(municipality, indicator))
                .toList());
    }

    private Territory territory(TerritoryReference reference) {
        return TerritoryResolution.over(territories).resolve(reference).fold(found -> found, notFound -> {
            throw new UnknownReference(notFound.field(), notFound.reason());
        });
    }

    private IndicatorDefinition indicator(String code, ReportingPeriod period) {
        IndicatorDefinition indicator = indicator(code);
        if (!StatusPeriod.fits(indicator.cadence(), period)) {
            throw new PeriodOfOtherCadence(indicator, period);
        }
        return indicator;
    }

    private IndicatorDefinition indicator(String code) {
        return catalogue.find(code)
                .orElseThrow(() -> new UnknownReference(Field.Column.INDICATOR, "'" + code + "' is not in the catalogue"));
    }
}
