package tsos.monitor.domain.report;

import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.territory.Territory;

/** A validated report: a registered territory, a period and known metrics with their counts. */
public record TerritoryReport(Territory territory, ReportingPeriod period, Counts counts) {
}
