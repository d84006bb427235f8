package tsos.monitor.service;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.YearQueries;

/** The year's use cases, over the statuses of {@link UseCases}. */
@Factory
final class YearUseCases {

    @Singleton
    YearQueries yearQueries(StatusQueries statuses) {
        return new YearQueries(statuses);
    }
}
