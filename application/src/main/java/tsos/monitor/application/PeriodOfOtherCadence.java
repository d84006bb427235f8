package tsos.monitor.application;

import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.period.ReportingPeriod;

/** A query asks for an indicator's status in a period its cadence has none of: a week of a monthly indicator. */
public final class PeriodOfOtherCadence extends RuntimeException {

    public PeriodOfOtherCadence(IndicatorDefinition indicator, ReportingPeriod period) {
        super("indicator " + indicator.code().value() + " is reported " + indicator.cadence().name().toLowerCase(
                java.util.Locale.ROOT) + ": it has no status for the week " + period.text() + ", ask for a month");
    }
}
