package tsos.monitor.domain.trend;

import java.util.Optional;
import java.util.OptionalLong;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.period.Month;

/**
 * Where a territory's share is heading by December, made at the month {@code asOf}: the projection, the year
 * target, the pace needed from now in percentage points per remaining month, and how many more (people or
 * schools) are needed at the current denominator.
 */
public record YearForecast(Month asOf, Optional<Percent> forecastPercent, Optional<Percent> yearTargetPercent,
                           Optional<Percent> requiredPpPerMonth, OptionalLong needed, ForecastState state) {
}
