package tsos.monitor.domain.indicator;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an indicator is: its share's numerator and denominator metrics (the denominator is part of the
 * definition: "active of registered" is not "active of all"), the rule deriving a school's numerator where
 * there is one, its level bands and how often it is reported. Definitions are catalogue data, not code.
 */
public record IndicatorDefinition(
        IndicatorCode code,
        String name,
        Metric numerator,
        Metric denominator,
        Optional<SchoolUsageRule> schoolRule,
        LevelBands bands,
        ReportingCadence cadence) {

    public IndicatorDefinition {
        if (numerator.equals(denominator)) {
            throw new IllegalArgumentException(code + ": numerator and denominator are different metrics");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(code + " needs a name");
        }
    }

    /** Every metric the indicator reads, its school rule's included. */
    public Set<Metric> metrics() {
        Set<Metric> metrics = new LinkedHashSet<>(Set.of(numerator, denominator));
        schoolRule.ifPresent(rule -> rule.criteria().forEach(c -> {
            metrics.add(c.numerator());
            metrics.add(c.denominator());
        }));
        return metrics;
    }

    /** The share the counts of one territory report directly, when both of its counts are there. */
    public Optional<Share> shareIn(Counts counts) {
        if (counts.has(numerator) && counts.has(denominator)) {
            return Optional.of(new Share(counts.get(numerator).getAsLong(), counts.get(denominator).getAsLong()));
        }
        return Optional.empty();
    }
}
