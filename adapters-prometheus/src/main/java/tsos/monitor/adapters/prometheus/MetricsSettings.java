package tsos.monitor.adapters.prometheus;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the gauges follow the data ({@code tsos.metrics.*}), each default here and nowhere else.
 *
 * @param refreshSeconds        every gauge is rebuilt this often (other replicas' batches)
 * @param refreshQuietMillis    a stored batch's regions are refreshed once the batches stop for this long
 * @param refreshMaxDelayMillis and at the latest this long after the first of them
 */
@ConfigurationProperties("tsos.metrics")
record MetricsSettings(@Bindable(defaultValue = "60") int refreshSeconds,
                       @Bindable(defaultValue = "3000") long refreshQuietMillis,
                       @Bindable(defaultValue = "30000") long refreshMaxDelayMillis) {
}
