package tsos.monitor.application;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.StoreUnavailable;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.trend.YearForecast;
import tsos.monitor.domain.trend.YearForecastRule;

/**
 * Keeps the reporting table of the year ({@link YearStatusWriter}) current: for every region, each year it has a
 * plan, a quota or counts in, the region's and each municipality's status of every month of the year for every
 * indicator planned or reported there (the statuses of {@link StatusQueries}, as {@code tsos plan} reads them), and
 * the forecast to December ({@link YearForecastRule}) made at the latest month with an actual percent.
 *
 * <p>A region is written again when its revision moves ({@link RegionRevisions}: every batch, plan, quota and
 * territory advances it, through any replica), once the country's revisions have stood still for one check, or
 * after {@code maxChecksWaited} checks while they keep moving: a national load is then not slowed by a rewrite
 * after each of its batches. Calls come from one thread at a time.
 */
public final class YearStatusRefresher {

    private static final System.Logger LOG = System.getLogger(YearStatusRefresher.class.getName());

    private record Key(TerritoryCode territory, IndicatorCode indicator) {
    }

    private final IndicatorCatalogue catalogue;
    private final StatusQueries statuses;
    private final TerritoryDirectory territories;
    private final ReportStore reports;
    private final PlanStore plans;
    private final RegionRevisions revisions;
    private final Transactions transactions;
    private final YearStatusWriter writer;
    private boolean filled; // only the schedule's one thread reads and writes it
    private final int maxChecksWaited;
    private final Map<TerritoryCode, Long> written = new HashMap<>();
    private final Map<TerritoryCode, Integer> checksWaited = new HashMap<>();
    private Map<TerritoryCode, Long> seen = Map.of();

    public YearStatusRefresher(IndicatorCatalogue catalogue, StatusQueries statuses, TerritoryDirectory territories,
                               ReportStore reports, PlanStore plans, RegionRevisions revisions,
                               Transactions transactions, YearStatusWriter writer, int maxChecksWaited) {
        this.catalogue = catalogue;
        this.statuses = statuses;
        this.territories = territories;
        this.reports = reports;
        this.plans = plans;
        this.revisions = revisions;
        this.transactions = transactions;
        this.writer = writer;
        this.maxChecksWaited = maxChecksWaited;
    }

    /**
     * What each check runs: every region until one fill of all of them has succeeded (a database down at start must
     * not leave the table unfilled for the regions nothing changes in), then the regions that changed.
     */
    public void refreshDue() {
        if (filled) {
            refreshChanged();
            return;
        }
        long started = System.nanoTime();
        refreshAll();
        filled = true;
        LOG.log(System.Logger.Level.INFO, "the year's reporting table written for every region in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** Every region, at start: the table may hold what an earlier version or another replica wrote. */
    public void refreshAll() {
        territories.regions().forEach(region -> refresh(region.code()));
    }

    /** Writes again the regions whose revision moved since they were written (see the class's comment for when). */
    public void refreshChanged() {
        Map<TerritoryCode, Long> now = revisions.all();
        boolean quiet = now.equals(seen);
        seen = now;
        now.forEach((region, revision) -> {
            if (revision.equals(written.get(region))) {
                return;
            }
            if (quiet || checksWaited.merge(region, 1, Integer::sum) > maxChecksWaited) {
                refresh(region);
            }
        });
    }

    /**
     * Computes the region's years and writes them in one transaction. A region whose data cannot be read is
     * logged and left as it was until its revision moves again; a store that cannot be reached is thrown.
     */
    public void refresh(TerritoryCode region) {
        long revision = revisions.of(region); // before reading: what follows is at least this new
        try {
            List<YearStatusWriter.TerritoryYear> years = yearsOf(region);
            transactions.inTransaction(() -> {
                writer.replace(region, revision, years);
                return null;
            });
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // the service is stopping
            }
            LOG.log(System.Logger.Level.WARNING, "the year of region " + region + " could not be written; "
                    + "the reporting table keeps its earlier rows", e);
        }
        written.put(region, revision);
        checksWaited.remove(region);
    }

    private List<YearStatusWriter.TerritoryYear> yearsOf(TerritoryCode region) {
        Set<Year> years = new TreeSet<>(plans.yearsPlanned(region));
        reports.dataMonths(region, catalogue.metrics())
                .forEach(data -> years.add(Year.of(data.month().value().getYear())));
        List<YearStatusWriter.TerritoryYear> rows = new ArrayList<>();
        years.forEach(year -> rows.addAll(yearOf(region, year)));
        return rows;
    }

    /** The region's and its municipalities' statuses of each month, kept where a month has a plan or counts. */
    private List<YearStatusWriter.TerritoryYear> yearOf(TerritoryCode region, Year year) {
        Map<Key, List<IndicatorStatus>> months = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            statuses.periodStatuses(Month.of(year.getValue(), month), Optional.of(region.region()))
                    .flatMap(StatusQueries.RegionStatuses::all)
                    .forEach(status -> months.computeIfAbsent(new Key(status.territory().code(),
                            status.indicator().code()), key -> new ArrayList<>()).add(status));
        }
        return months.values().stream()
                .filter(ofYear -> ofYear.stream().anyMatch(s -> s.plan().isPresent() || s.actual().isPresent()))
                .map(ofYear -> new YearStatusWriter.TerritoryYear(ofYear, forecast(ofYear)))
                .toList();
    }

    /** Made at the latest month with an actual percent (December when none has one), against December's plan. */
    private static YearForecast forecast(List<IndicatorStatus> ofYear) {
        Map<Month, Share> actuals = new HashMap<>();
        Month asOf = ofYear.get(11).month();
        for (IndicatorStatus status : ofYear) {
            if (status.percent().isPresent()) {
                actuals.put(status.month(), status.actual().orElseThrow());
                asOf = status.month();
            }
        }
        return YearForecastRule.forecast(asOf, actuals, ofYear.get(11).planPercent());
    }
}
