package tsos.monitor.domain.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * numerator / denominator, the form of every indicator. The percent is computed (two decimals, half-up), never
 * stored. A numerator above its denominator is inconsistent: such a share has no percent, so that 104 % is
 * never shown.
 */
public record Share(long numerator, long denominator) {

    public static final Share NONE = new Share(0, 0);

    /** Below it, numerator · 20,000 + denominator cannot overflow a long (the numerator is at most the denominator). */
    private static final long LONG_ARITHMETIC_LIMIT = Long.MAX_VALUE / 20_001;

    public Share {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("a share is of counts, not negative: " + numerator + " / " + denominator);
        }
    }

    public boolean isConsistent() {
        return numerator <= denominator;
    }

    public Optional<Percent> percent() {
        if (!isConsistent() || denominator == 0) {
            return Optional.empty();
        }
        if (denominator <= LONG_ARITHMETIC_LIMIT) {
            // Half-up hundredths in whole numbers: the statuses of a month compute 60,000 percents and more.
            return Optional.of(Percent.ofHundredths((numerator * 20_000 + denominator) / (2 * denominator)));
        }
        BigDecimal percent = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), Percent.SCALE, RoundingMode.HALF_UP);
        return Optional.of(new Percent(percent));
    }

    /** Ratio of sums: how higher levels add up, never by averaging percents. */
    public Share plus(Share other) {
        return new Share(Math.addExact(numerator, other.numerator), Math.addExact(denominator, other.denominator));
    }

    @Override
    public String toString() {
        return numerator + " / " + denominator + percent().map(p -> " = " + p + " %").orElse("");
    }
}
