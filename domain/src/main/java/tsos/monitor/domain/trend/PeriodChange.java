package tsos.monitor.domain.trend;

import java.math.BigDecimal;
import java.util.Optional;
import tsos.monitor.domain.indicator.Percent;

/**
 * How a status moved since the previous period: the share's change in percentage points, the numerator's
 * relative change in percent (the «Моя школа» arrow, "↑ 46.5 %": 211 active schools against 144), and the
 * direction. Either figure may be missing (a share without a percent, a count that was zero).
 */
public record PeriodChange(Optional<Percent> changePp, Optional<BigDecimal> numeratorChangePercent,
                           Direction direction) {
}
