package tsos.monitor.adapters.prometheus;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.application.ReadModelObserver;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Regions whose read-model refresh failed: counted on /metrics by region, logged when a region starts failing
 * and when it reads again (not at every refresh of a region that stays broken).
 */
final class ReadModelFailures implements ReadModelObserver {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelFailures.class);

    private final Counter failures;
    private final Set<TerritoryCode> failing = ConcurrentHashMap.newKeySet();

    ReadModelFailures(PrometheusRegistry registry) {
        failures = Counter.builder().name("tsos_read_model_failures_total")
                .help("Refreshes of a region's statuses that failed; the region kept its last statuses.")
                .labelNames("region").register(registry);
    }

    @Override
    public void regionRefreshed(TerritoryCode region) {
        if (failing.remove(region)) {
            LOG.info("region {}: its statuses are read again", region.region());
        }
    }

    @Override
    public void regionFailed(TerritoryCode region, RuntimeException cause) {
        failures.labelValues(region.region()).inc();
        if (failing.add(region)) {
            LOG.warn("region {}: its statuses cannot be read; its gauges keep their last values, the other regions "
                    + "refresh", region.region(), cause);
        }
    }
}
