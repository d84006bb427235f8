package tsos.monitor.domain.report;

import java.time.LocalDate;
import java.util.Comparator;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Which reported value counts, and which was corrected: a later value for the same territory, period and metric
 * supersedes the earlier (both are kept); a month's count of a territory and metric is the one of the period that
 * ends latest in the month, then the latest stored. The PostgreSQL store says the same in SQL; the ports' contract
 * tests hold both to it.
 */
public final class CorrectionRule {

    /** A stored value as the rule reads it: what it counts, when its period ends, its place in the order stored. */
    public record StoredValue(TerritoryCode territory, String period, Metric metric, LocalDate periodEnd,
                              long order) {
    }

    /** The order in which values of one territory and metric count: the last of a month is the month's. */
    public static final Comparator<StoredValue> COUNTING_ORDER = Comparator.comparing(StoredValue::periodEnd)
            .thenComparingLong(StoredValue::order);

    private CorrectionRule() {
    }

    public static boolean supersedes(StoredValue later, StoredValue earlier) {
        return later.territory().equals(earlier.territory()) && later.period().equals(earlier.period())
                && later.metric().equals(earlier.metric()) && later.order() > earlier.order();
    }
}
