package tsos.monitor.domain.plan;

import java.time.Year;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.report.ReportValidation;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/** An absolute plan for a municipality's year: "2 of the 18 schools of Амурский район must use the platform". */
public record Quota(IndicatorCode indicator, TerritoryCode territory, Year year, long count) {

    public Quota {
        ReportingYears.planYear(year.getValue());
        checkedCount(count);
        if (territory.level() == TerritoryLevel.SCHOOL) {
            throw new IllegalArgumentException("quotas are set for regions and municipalities, not schools");
        }
    }

    /** @throws IllegalArgumentException when the count cannot be a quota's */
    public static long checkedCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a quota is a count, not negative: " + count);
        }
        if (count > ReportValidation.MAX_COUNT) {
            throw new IllegalArgumentException("a quota is a count, at most " + ReportValidation.MAX_COUNT + ", not "
                    + count);
        }
        return count;
    }
}
