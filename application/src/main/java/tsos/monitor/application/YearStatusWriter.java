package tsos.monitor.application;

import java.util.List;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.trend.YearForecast;

/**
 * The reporting table of the year (Grafana's PostgreSQL datasource reads it): what {@link YearStatusRefresher}
 * computed for a region, written in place of what was there.
 */
public interface YearStatusWriter {

    /** One territory's year for one indicator: its status in each of the twelve months, January first, and its forecast. */
    record TerritoryYear(List<IndicatorStatus> months, YearForecast forecast) {

        public TerritoryYear {
            months = List.copyOf(months);
            if (months.size() != 12) {
                throw new IllegalArgumentException("a year has 12 months, not " + months.size());
            }
        }
    }

    /**
     * Replaces everything written for the region with these years, computed at the region's {@code revision}; the
     * caller holds the transaction, so a reader sees the region's rows before or after, never half of them. When a
     * later revision of the region is already written (by another replica), nothing is written.
     */
    void replace(TerritoryCode region, long revision, List<TerritoryYear> years);
}
