package tsos.monitor.domain.report;

import java.util.Map;
import tsos.monitor.domain.territory.TerritoryReference;

/** One row of a batch as the sender wrote it, before validation: a territory, a period and counts by name. */
public record SubmittedReport(TerritoryReference territory, String period, Map<String, Long> counts) {

    public SubmittedReport {
        counts = Map.copyOf(counts);
    }
}
