package tsos.monitor.application;

import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.Quota;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.report.Violation;
import tsos.monitor.domain.territory.InvalidTerritory;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;
import tsos.monitor.domain.territory.TerritoryLookup;
import tsos.monitor.domain.territory.TerritoryReference;
import tsos.monitor.domain.territory.TerritoryResolution;

/** Register territories and set their plans. Each call is validated whole and stored whole or not at all. */
public final class Planning {

    /** A municipality or school to register, as a ministry's table names it. */
    public record TerritoryEntry(String region, String municipality, String school, String name) {
    }

    public record PlanEntry(TerritoryReference territory, String indicator, int year, List<Optional<Percent>> months) {
    }

    public record QuotaEntry(TerritoryReference territory, String indicator, int year, long quota) {
    }

    /** Stored (how many entries), or refused with every bad row and field. */
    public record Outcome(int stored, List<Violation> violations) {
        public boolean refused() {
            return !violations.isEmpty();
        }
    }

    private final IndicatorCatalogue catalogue;
    private final TerritoryDirectory territories;
    private final PlanStore plans;
    private final Transactions transactions;
    private final RegionRevisions revisions;

    public Planning(IndicatorCatalogue catalogue, TerritoryDirectory territories, PlanStore plans,
                    Transactions transactions, RegionRevisions revisions) {
        this.catalogue = catalogue;
        this.territories = territories;
        this.plans = plans;
        this.transactions = transactions;
        this.revisions = revisions;
    }

    /**
     * Municipalities are named by code; a school's municipality by code or name, registered before or earlier in
     * the same list. Known codes are renamed. The whole list is registered, or none of it.
     */
    public Outcome register(List<TerritoryEntry> entries) {
        List<Territory> listed = listedMunicipalities(entries);
        TerritoryLookup lookup = TerritoryResolution.over(region -> withListed(territories.ofRegion(region), listed));
        return validated(entries, (row, entry, violations) -> {
            try {
                if (entry.school() == null || entry.school().isBlank()) {
                    TerritoryCode code = TerritoryCode.municipality(entry.region(), entry.municipality());
                    if (territories.find(code.regionCode()).isEmpty()) {
                        violations.add(new Violation(row, "region", "no region with subject code " + entry.region()));
                        return null;
                    }
                    return Territory.of(code, entry.name());
                }
                return resolve(lookup, row, new TerritoryReference(entry.region(), entry.municipality(), ""), violations)
                        .map(m -> Territory.of(TerritoryCode.school(m.code().region(), m.code().municipality(),
                                entry.school()), entry.name())).orElse(null);
            } catch (InvalidTerritory e) {
                violations.add(new Violation(row, e.field(), e.getMessage()));
                return null;
            }
        }, Territory::code, valid -> territories.register(valid.stream()
                .sorted(Comparator.comparing(Territory::level)).toList())); // a school's municipality first
    }

    /** The municipalities of the list that can be registered: a school may name one of them, by code or name. */
    private static List<Territory> listedMunicipalities(List<TerritoryEntry> entries) {
        List<Territory> listed = new ArrayList<>();
        for (TerritoryEntry entry : entries) {
            if (entry.school() == null || entry.school().isBlank()) {
                try {
                    listed.add(Territory.of(TerritoryCode.municipality(entry.region(), entry.municipality()),
                            entry.name()));
                } catch (InvalidTerritory e) {
                    // refused with its row when the row is checked
                }
            }
        }
        return listed;
    }

    /** A region's registered territories with the listed ones of it, those of the list first (a rename wins). */
    private static List<Territory> withListed(List<Territory> registered, List<Territory> listed) {
        if (registered.isEmpty()) {
            return registered;
        }
        TerritoryCode region = registered.get(0).code().regionCode();
        Map<TerritoryCode, Territory> all = new LinkedHashMap<>();
        listed.stream().filter(t -> t.code().regionCode().equals(region)).forEach(t -> all.put(t.code(), t));
        registered.forEach(t -> all.putIfAbsent(t.code(), t));
        return List.copyOf(all.values());
    }

    public Outcome setMonthlyPlans(List<PlanEntry> entries) {
        return validated(entries, planRows(PlanEntry::territory, PlanEntry::indicator, PlanEntry::year, "months",
                Planning::monthViolations,
                (entry, indicator, territory, year) -> new MonthlyPlan(indicator, territory, year, entry.months())),
                MonthlyPlan::territory, valid -> {
                    plans.saveMonthlyPlans(valid);
                    return valid.size();
                });
    }

    public Outcome setQuotas(List<QuotaEntry> entries) {
        return validated(entries, planRows(QuotaEntry::territory, QuotaEntry::indicator, QuotaEntry::year, "quota",
                (row, entry) -> valueViolation(row, "quota", () -> Quota.checkedCount(entry.quota())),
                (entry, indicator, territory, year) -> new Quota(indicator, territory, year, entry.quota())),
                Quota::territory, valid -> {
                    plans.saveQuotas(valid);
                    return valid.size();
                });
    }

    @FunctionalInterface
    private interface PlanFactory<E, T> {
        T plan(E entry, IndicatorCode indicator, TerritoryCode territory, Year year);
    }

    /**
     * The checks every plan row shares: a region or municipality, a known indicator, a year that is served; and
     * its values, checked whatever else is wrong with the row, so that every bad field is named at once.
     */
    private <E, T> RowCheck<E, T> planRows(Function<E, TerritoryReference> territoryOf, Function<E, String> indicatorOf,
                                           java.util.function.ToIntFunction<E> yearOf, String valueField,
                                           java.util.function.BiFunction<Integer, E, List<Violation>> valueCheck,
                                           PlanFactory<E, T> factory) {
        TerritoryLookup lookup = TerritoryResolution.over(territories);
        return (row, entry, violations) -> {
            Optional<Territory> territory = planned(lookup, row, territoryOf.apply(entry), violations);
            Optional<IndicatorCode> indicator = indicator(row, indicatorOf.apply(entry), violations);
            boolean yearServed = year(row, yearOf.applyAsInt(entry), violations);
            List<Violation> ofValues = valueCheck.apply(row, entry);
            violations.addAll(ofValues);
            if (territory.isEmpty() || indicator.isEmpty() || !yearServed || !ofValues.isEmpty()) {
                return null;
            }
            try {
                return factory.plan(entry, indicator.get(), territory.get().code(), Year.of(yearOf.applyAsInt(entry)));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(row, valueField, e.getMessage()));
                return null;
            }
        };
    }

    /** Each month of a plan that cannot be a target, named by its number as the API numbers it: "months[4]". */
    private static List<Violation> monthViolations(int row, PlanEntry entry) {
        List<Violation> violations = new ArrayList<>();
        for (int month = 1; month <= entry.months().size(); month++) {
            String field = "months[" + month + "]";
            entry.months().get(month - 1).ifPresent(percent -> violations.addAll(valueViolation(row, field,
                    percent::checkedAsTarget)));
        }
        return violations;
    }

    private static List<Violation> valueViolation(int row, String field, Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(new Violation(row, field, e.getMessage()));
        }
    }

    @FunctionalInterface
    private interface RowCheck<E, T> {
        /** The valid value of the row, or null with the reasons added to {@code violations}. */
        T check(int row, E entry, List<Violation> violations);
    }

    /** Checks every row, then advances the valid values' regions' revisions and stores them, in one transaction. */
    private <E, T> Outcome validated(List<E> entries, RowCheck<E, T> check, Function<T, TerritoryCode> territoryOf,
                                     Function<List<T>, Integer> store) {
        List<Violation> violations = new ArrayList<>();
        List<T> valid = new ArrayList<>();
        for (int row = 0; row < entries.size(); row++) {
            T value = check.check(row, entries.get(row), violations);
            if (value != null) {
                valid.add(value);
            }
        }
        if (!violations.isEmpty()) {
            return new Outcome(0, violations);
        }
        Set<TerritoryCode> regions = valid.stream().map(value -> territoryOf.apply(value).regionCode())
                .collect(Collectors.toSet());
        return new Outcome(transactions.inTransaction(() -> {
            revisions.advance(regions); // first, as a batch of reports does: the writers of a region in one order
            return store.apply(valid);
        }), List.of());
    }

    private static Optional<Territory> resolve(TerritoryLookup lookup, int row, TerritoryReference reference,
                                               List<Violation> violations) {
        return lookup.resolve(reference).fold(Optional::of, notFound -> {
            violations.add(new Violation(row, notFound.field(), notFound.reason()));
            return Optional.empty();
        });
    }

    /** Plans are set for regions and municipalities: a school's reference is refused naming the school. */
    private static Optional<Territory> planned(TerritoryLookup lookup, int row, TerritoryReference reference,
                                               List<Violation> violations) {
        Optional<Territory> territory = resolve(lookup, row, reference, violations);
        if (territory.isPresent() && territory.get().level() == TerritoryLevel.SCHOOL) {
            violations.add(new Violation(row, "school", "plans are set for regions and municipalities, not schools"));
            return Optional.empty();
        }
        return territory;
    }

    private static boolean year(int row, int year, List<Violation> violations) {
        try {
            ReportingYears.require(year, "a plan's year");
            return true;
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(row, "year", e.getMessage()));
            return false;
        }
    }

    private Optional<IndicatorCode> indicator(int row, String code, List<Violation> violations) {
        Optional<IndicatorCode> known = catalogue.find(code).map(definition -> definition.code());
        if (known.isEmpty()) {
            violations.add(new Violation(row, "indicator", "'" + code + "' is not in the catalogue"));
        }
        return known;
    }
}
