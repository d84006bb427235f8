package tsos.monitor.adapters.grpc;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How often the gRPC health service asks the database ({@code tsos.health.*}), the default here and nowhere else.
 *
 * @param checkMillis the interval between two checks: a database that stops is NOT_SERVING within it
 */
@ConfigurationProperties("tsos.health")
record HealthSettings(@Bindable(defaultValue = "1000") long checkMillis) {
}
