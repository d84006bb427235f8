package tsos.monitor.domain.indicator;

import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The indicators a deployment tracks and every metric a report may carry. Loaded as data at start. */
public final class IndicatorCatalogue {

    private final Map<IndicatorCode, IndicatorDefinition> definitions = new TreeMap<>();
    private final Set<Metric> metrics = new TreeSet<>();
    private final Map<String, Metric> metricsByName = new HashMap<>();
    private final Set<SharePair> sharePairs = new LinkedHashSet<>();
    private final Map<Metric, List<IndicatorDefinition>> readingMetric = new HashMap<>();

    public IndicatorCatalogue(Collection<IndicatorDefinition> definitions, Collection<Metric> otherMetrics) {
        for (IndicatorDefinition definition : definitions) {
            if (this.definitions.put(definition.code(), definition) != null) {
                throw new IllegalArgumentException("indicator " + definition.code() + " is defined twice");
            }
            metrics.addAll(definition.metrics());
        }
        metrics.addAll(otherMetrics);
        metrics.forEach(metric -> metricsByName.put(metric.name(), metric));
        for (IndicatorDefinition definition : this.definitions.values()) {
            definition.metrics().forEach(metric -> readingMetric.computeIfAbsent(metric, m -> new ArrayList<>())
                    .add(definition));
            sharePairs.add(new SharePair(definition.numerator(), definition.denominator()));
            definition.schoolRule().ifPresent(rule -> rule.criteria()
                    .forEach(c -> sharePairs.add(new SharePair(c.numerator(), c.denominator()))));
        }
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

    /** The indicators that read this metric, in the catalogue's order. */
    public List<IndicatorDefinition> reading(Metric metric) {
        return Collections.unmodifiableList(readingMetric.getOrDefault(metric, List.of()));
    }

    /** The catalogue's metric of that name, when it has one. */
    public Optional<Metric> metricNamed(String name) {
        return Optional.ofNullable(metricsByName.get(name));
    }

    /** A numerator and the denominator it must not exceed. */
    public record SharePair(Metric numerator, Metric denominator) {
    }

    /** Every pair of counts a share is made of, the school rules' included: where a part may not exceed a whole. */
    public Set<SharePair> sharePairs() {
        return Collections.unmodifiableSet(sharePairs);
    }

    public Set<Metric> metrics() {
        return Collections.unmodifiableSet(metrics);
    }
}
