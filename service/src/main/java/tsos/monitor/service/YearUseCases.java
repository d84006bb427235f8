package tsos.monitor.service;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import tsos.monitor.application.StatusChanges;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.YearQueries;

/** The year's use cases and the change since the previous month, over the statuses of {@link UseCases}. */
@Factory
final class YearUseCases {

    @Singleton
    YearQueries yearQueries(StatusQueries statuses) {
        return new YearQueries(statuses);
    }

    @Singleton
    StatusChanges statusChanges(StatusQueries statuses) {
        return new StatusChanges(statuses);
    }
}
