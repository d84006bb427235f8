package tsos.monitor.domain.plan;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.refusal.Field.Column;
import tsos.monitor.domain.refusal.Refusal.Rows;
import tsos.monitor.domain.refusal.Validated;
import tsos.monitor.domain.refusal.Violation;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;
import tsos.monitor.domain.territory.TerritoryLookup;
import tsos.monitor.domain.territory.TerritoryReference;

/**
 * The rules of a row of plans or quotas: a registered region or municipality (plans are not set for schools), an
 * indicator of the catalogue, a year the service keeps, and values that can be targets. Every field is checked
 * whatever else is wrong with its row, so that one answer names every bad row and field.
 */
public final class PlanValidation {

    private static final int MONTHS = 12;

    private final IndicatorCatalogue catalogue;
    private final TerritoryLookup territories;

    public PlanValidation(IndicatorCatalogue catalogue, TerritoryLookup territories) {
        this.catalogue = catalogue;
        this.territories = territories;
    }

    public Validated<List<MonthlyPlan>> monthlyPlans(List<SubmittedPlan> rows) {
        List<MonthlyPlan> valid = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            SubmittedPlan plan = rows.get(row);
            List<Violation> ofRow = new ArrayList<>();
            Optional<Target> target = target(row, plan.territory(), plan.indicator(), plan.year(), ofRow);
            if (plan.months().size() != MONTHS) {
                ofRow.add(new Violation(row, Column.MONTHS, "a monthly plan has twelve months, not "
                        + plan.months().size()));
            }
            for (int month = 1; month <= plan.months().size(); month++) {
                int at = row;
                Field field = new Field.PlanMonth(month);
                plan.months().get(month - 1).ifPresent(percent -> check(at, field, percent::checkedAsTarget, ofRow));
            }
            if (ofRow.isEmpty()) {
                valid.add(new MonthlyPlan(target.get().indicator(), target.get().territory(), target.get().year(),
                        plan.months()));
            }
            violations.addAll(ofRow);
        }
        return Validated.of(valid, Rows.PLANS, violations);
    }

    public Validated<List<Quota>> quotas(List<SubmittedQuota> rows) {
        List<Quota> valid = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            SubmittedQuota quota = rows.get(row);
            List<Violation> ofRow = new ArrayList<>();
            Optional<Target> target = target(row, quota.territory(), quota.indicator(), quota.year(), ofRow);
            check(row, Column.QUOTA, () -> Quota.checkedCount(quota.quota()), ofRow);
            if (ofRow.isEmpty()) {
                valid.add(new Quota(target.get().indicator(), target.get().territory(), target.get().year(),
                        quota.quota()));
            }
            violations.addAll(ofRow);
        }
        return Validated.of(valid, Rows.QUOTAS, violations);
    }

    /** What a plan or quota is for: present when its territory, indicator and year are all valid. */
    private record Target(IndicatorCode indicator, TerritoryCode territory, Year year) {
    }

    private Optional<Target> target(int row, TerritoryReference reference, String indicator, int year,
                                    List<Violation> ofRow) {
        Optional<TerritoryCode> territory = territories.resolve(reference).fold(found -> {
            if (found.level() == TerritoryLevel.SCHOOL) {
                ofRow.add(new Violation(row, Column.SCHOOL, "plans are set for regions and municipalities, not "
                        + "schools"));
                return Optional.empty();
            }
            return Optional.of(found.code());
        }, notFound -> {
            ofRow.add(new Violation(row, notFound.field(), notFound.reason()));
            return Optional.empty();
        });
        Optional<IndicatorCode> code = catalogue.find(indicator).map(IndicatorDefinition::code);
        if (code.isEmpty()) {
            ofRow.add(new Violation(row, Column.INDICATOR, "'" + indicator + "' is not in the catalogue"));
        }
        boolean served = check(row, Column.YEAR, () -> ReportingYears.planYear(year), ofRow);
        return territory.isPresent() && code.isPresent() && served
                ? Optional.of(new Target(code.get(), territory.get(), Year.of(year))) : Optional.empty();
    }

    /** Runs a check of a value's own rule, naming the field when it fails. */
    private static boolean check(int row, Field field, Runnable rule, List<Violation> ofRow) {
        try {
            rule.run();
            return true;
        } catch (IllegalArgumentException e) {
            ofRow.add(new Violation(row, field, e.getMessage()));
            return false;
        }
    }
}
