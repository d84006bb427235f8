package tsos.monitor.domain.indicator;

import java.util.Optional;

/**
 * A band of values with a half-open interval [lower, upper): the sources leave 30–31 % and 70–71 % undefined
 * between "low", "sufficient" and "high", so every bound belongs to the band above it. No upper bound means
 * "up to and including 100 %".
 */
public record Level(String name, Percent lowerInclusive, Optional<Percent> upperExclusive) {

    public Level {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a level has a name");
        }
        lowerInclusive.checkedAsTarget();
        upperExclusive.ifPresent(upper -> {
            if (upper.compareTo(lowerInclusive) <= 0) {
                throw new IllegalArgumentException("level " + name + " ends above where it starts");
            }
        });
    }

    public boolean contains(Percent percent) {
        return percent.compareTo(lowerInclusive) >= 0
                && upperExclusive.map(upper -> percent.compareTo(upper) < 0).orElse(true);
    }
}
