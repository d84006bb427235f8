package tsos.monitor.domain.indicator;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Metric → count for one territory and period. A metric that is absent was not reported; it is not zero. */
public record Counts(Map<Metric, Long> values) {

    public Counts {
        values.forEach((metric, count) -> {
            if (count == null || count < 0) {
                throw new IllegalArgumentException(metric + " is a count: not negative");
            }
        });
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Counts of(Map<String, Long> byName) {
        Map<Metric, Long> values = new TreeMap<>();
        byName.forEach((name, count) -> values.put(new Metric(name), count));
        return new Counts(values);
    }

    public OptionalLong get(Metric metric) {
        Long count = values.get(metric);
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    public boolean has(Metric metric) {
        return values.containsKey(metric);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
