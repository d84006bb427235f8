package tsos.monitor.domain.indicator;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The indicators a deployment tracks and every metric a report may carry. Loaded as data at start. */
public final class IndicatorCatalogue {

    private final Map<IndicatorCode, IndicatorDefinition> definitions = new TreeMap<>();
    private final Set<Metric> metrics = new TreeSet<>();

    public IndicatorCatalogue(Collection<IndicatorDefinition> definitions, Collection<Metric> otherMetrics) {
        for (IndicatorDefinition definition : definitions) {
            if (this.definitions.put(definition.code(), definition) != null) {
                throw new IllegalArgumentException("indicator " + definition.code() + " is defined twice");
            }
            metrics.addAll(definition.metrics());
        }
        metrics.addAll(otherMetrics);
    }

    public Optional<IndicatorDefinition> find(IndicatorCode code) {
        return Optional.ofNullable(definitions.get(code));
    }

    public Optional<IndicatorDefinition> find(String code) {
        try {
            return find(new IndicatorCode(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Collection<IndicatorDefinition> all() {
        return Collections.unmodifiableCollection(definitions.values());
    }

    public boolean knows(Metric metric) {
        return metrics.contains(metric);
    }

    /** A numerator and the denominator it must not exceed. */
    public record SharePair(Metric numerator, Metric denominator) {
    }

    /** Every pair of counts a share is made of, the school rules' included: where a part may not exceed a whole. */
    public Set<SharePair> sharePairs() {
        Set<SharePair> pairs = new java.util.LinkedHashSet<>();
        for (IndicatorDefinition definition : definitions.values()) {
            pairs.add(new SharePair(definition.numerator(), definition.denominator()));
            definition.schoolRule().ifPresent(rule -> rule.criteria()
                    .forEach(c -> pairs.add(new SharePair(c.numerator(), c.denominator()))));
        }
        return pairs;
    }

    public Set<Metric> metrics() {
        return Collections.unmodifiableSet(metrics);
    }
}
