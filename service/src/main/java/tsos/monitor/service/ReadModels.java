package tsos.monitor.service;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.time.Duration;
import java.util.concurrent.Executors;
import tsos.monitor.application.OutlookReadModel;
import tsos.monitor.application.ReadModelKeeper;
import tsos.monitor.application.StatusReadModel;

/** The keeper of the read models behind the gauges, started with the service and stopped with it. */
@Factory
final class ReadModels {

    @Context
    @Bean(preDestroy = "stop")
    ReadModelKeeper readModelKeeper(StatusReadModel statuses, OutlookReadModel outlook, Settings.Metrics settings) {
        ReadModelKeeper keeper = new ReadModelKeeper(statuses, outlook,
                Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "tsos-metrics-refresh");
                    thread.setDaemon(true);
                    return thread;
                }), System::nanoTime, Duration.ofMillis(settings.refreshQuietMillis()),
                Duration.ofMillis(settings.refreshMaxDelayMillis()));
        keeper.start(Duration.ofSeconds(settings.refreshSeconds()));
        return keeper;
    }
}
