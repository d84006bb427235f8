package tsos.monitor.domain.plan;

import tsos.monitor.domain.indicator.Percent;

/** What a month's plan asks: a share in percent, or an absolute count of the numerator (a quota). */
public sealed interface PlanTarget {

    record PercentTarget(Percent percent) implements PlanTarget {
    }

    record QuotaTarget(long count) implements PlanTarget {
    }
}
