package tsos.monitor.domain.trend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;

/**
 * The change of a status since the previous period. The share's change is the difference of the two percents
 * as shown (each exact hundredths of its counts, half-up), so the arrow never contradicts the figures beside it;
 * the count's change is relative to the previous count, to one decimal half-up, as the dashboard prints it.
 * The direction follows the share, or the count when a share has no percent.
 */
public final class ChangeRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ChangeRule() {
    }

    /** Empty when there is no previous period (or no current figure) to compare with. */
    public static Optional<PeriodChange> between(Optional<Share> previous, Optional<Share> current) {
        if (previous.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        Optional<Percent> changePp = current.get().percent()
                .flatMap(now -> previous.get().percent().map(now::minus));
        Optional<BigDecimal> numeratorChange = numeratorChangePercent(previous.get().numerator(),
                current.get().numerator());
        Direction direction = changePp.map(pp -> directionOf(pp.value().signum()))
                .orElseGet(() -> directionOf(Long.compare(current.get().numerator(), previous.get().numerator())));
        return Optional.of(new PeriodChange(changePp, numeratorChange, direction));
    }

    static Optional<BigDecimal> numeratorChangePercent(long previous, long current) {
        if (previous == 0) {
            return Optional.empty(); // growth from nothing has no relative size
        }
        return Optional.of(BigDecimal.valueOf(current - previous).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP));
    }

    private static Direction directionOf(int sign) {
        return sign > 0 ? Direction.UP : sign < 0 ? Direction.DOWN : Direction.FLAT;
    }
}
