package tsos.monitor.domain.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Indicator 2.3: a school counts as using the platform when at least 50 % of its teachers and at least 50 % of
 * its students have access to «Моя школа» and/or «Сферум». The criteria (which counts, which thresholds) are
 * catalogue data, so a region whose rule differs changes data, not code.
 */
public record SchoolUsageRule(List<Criterion> criteria) {

    public record Criterion(Metric numerator, Metric denominator, Percent atLeast) {
        public Criterion {
            atLeast.checkedAsTarget();
        }

        /** Empty when the school did not report both counts. */
        Optional<Boolean> holdsFor(Counts school) {
            OptionalLong part = school.get(numerator);
            OptionalLong whole = school.get(denominator);
            if (part.isEmpty() || whole.isEmpty()) {
                return Optional.empty();
            }
            // part / whole >= atLeast %, in integers: part * 10000 >= atLeast(hundredths) * whole
            BigDecimal scaledPart = BigDecimal.valueOf(part.getAsLong()).multiply(BigDecimal.valueOf(10_000));
            BigDecimal needed = BigDecimal.valueOf(atLeast.hundredths()).multiply(BigDecimal.valueOf(whole.getAsLong()));
            return Optional.of(whole.getAsLong() > 0 && scaledPart.compareTo(needed) >= 0);
        }
    }

    public SchoolUsageRule {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a school usage rule has at least one criterion");
        }
        criteria = List.copyOf(criteria);
    }

    /**
     * The first of the rule's count pairs whose part exceeds its whole (more teachers with access than
     * teachers): such a school can be judged neither way until a correction arrives.
     */
    public Optional<Share> contradiction(Counts school) {
        for (Criterion criterion : criteria) {
            OptionalLong part = school.get(criterion.numerator());
            OptionalLong whole = school.get(criterion.denominator());
            if (part.isPresent() && whole.isPresent() && part.getAsLong() > whole.getAsLong()) {
                return Optional.of(new Share(part.getAsLong(), whole.getAsLong()));
            }
        }
        return Optional.empty();
    }

    /** Whether the school counts as using the platform; empty when it did not report what the rule needs. */
    public Optional<Boolean> countsAsUsing(Counts school) {
        boolean all = true;
        for (Criterion criterion : criteria) {
            Optional<Boolean> holds = criterion.holdsFor(school);
            if (holds.isEmpty()) {
                return Optional.empty();
            }
            all &= holds.get();
        }
        return Optional.of(all);
    }
}
