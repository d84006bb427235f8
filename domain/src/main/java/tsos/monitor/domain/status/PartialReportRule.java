package tsos.monitor.domain.status;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * A later partial report never hides an earlier complete one: a territory that reported some of an indicator's
 * counts in a month has that month's status for it computed from each count's latest value — the month's where
 * it sent one, else the latest it sent before. A territory that sent none of them in the month has no status for
 * it then (it is silent, whatever it sent before).
 */
public final class PartialReportRule {

    private PartialReportRule() {
    }

    /** Per territory of the month, the metrics of the indicators it reported in part that it did not send. */
    public static Map<TerritoryCode, Set<Metric>> missing(Collection<IndicatorDefinition> indicators,
                                                          Map<TerritoryCode, Counts> inMonth) {
        Map<TerritoryCode, Set<Metric>> missing = new HashMap<>();
        inMonth.forEach((territory, counts) -> {
            for (IndicatorDefinition indicator : indicators) {
                Set<Metric> metrics = indicator.metrics();
                if (metrics.stream().anyMatch(counts::has)) {
                    metrics.stream().filter(metric -> !counts.has(metric))
                            .forEach(metric -> missing.computeIfAbsent(territory, t -> new TreeSet<>()).add(metric));
                }
            }
        });
        return missing;
    }

    /**
     * The counts an indicator's statuses of the month are computed from: every territory that sent one of its
     * counts in the month, with the others at their latest earlier value.
     *
     * @param earlier the latest earlier value of (at least) the metrics {@link #missing} names
     */
    public static Map<TerritoryCode, Counts> countsFor(IndicatorDefinition indicator,
                                                       Map<TerritoryCode, Counts> inMonth,
                                                       Map<TerritoryCode, Counts> earlier) {
        Set<Metric> metrics = indicator.metrics();
        Map<TerritoryCode, Counts> counts = new HashMap<>();
        inMonth.forEach((territory, sent) -> {
            if (metrics.stream().noneMatch(sent::has)) {
                return;
            }
            Counts before = earlier.get(territory);
            if (before == null || metrics.stream().allMatch(sent::has)) {
                counts.put(territory, sent);
                return;
            }
            Map<Metric, Long> completed = new HashMap<>(sent.values());
            metrics.stream().filter(metric -> !sent.has(metric))
                    .forEach(metric -> before.get(metric).ifPresent(value -> completed.put(metric, value)));
            counts.put(territory, new Counts(completed));
        });
        return counts;
    }
}
