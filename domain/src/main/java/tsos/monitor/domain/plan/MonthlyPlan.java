package tsos.monitor.domain.plan;

import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * The plan of one indicator for one territory over a year, a percent for each month (December's is the year's
 * target). A month may have no value: a constant target "≥ 35 % until 1 September" is a plan of January to
 * August.
 */
public record MonthlyPlan(IndicatorCode indicator, TerritoryCode territory, Year year, List<Optional<Percent>> months) {

    public MonthlyPlan {
        ReportingYears.planYear(year.getValue());
        if (months.size() != 12) {
            throw new IllegalArgumentException("a monthly plan has twelve months, not " + months.size());
        }
        if (territory.level() == tsos.monitor.domain.territory.TerritoryLevel.SCHOOL) {
            throw new IllegalArgumentException("plans are set for regions and municipalities, not schools");
        }
        months.forEach(value -> value.ifPresent(Percent::checkedAsTarget));
        months = Collections.unmodifiableList(new ArrayList<>(months));
    }

    public static MonthlyPlan constant(IndicatorCode indicator, TerritoryCode territory, Year year, Percent target) {
        return new MonthlyPlan(indicator, territory, year, Collections.nCopies(12, Optional.of(target)));
    }

    public Optional<Percent> valueFor(Month month) {
        if (month.value().getYear() != year.getValue()) {
            return Optional.empty();
        }
        return months.get(month.value().getMonthValue() - 1);
    }
}
