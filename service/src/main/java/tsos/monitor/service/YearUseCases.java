package tsos.monitor.service;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import tsos.monitor.application.OutlookReadModel;
import tsos.monitor.application.ReadModelObserver;
import tsos.monitor.application.StatusChanges;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.StatusReadModel;
import tsos.monitor.application.YearQueries;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.TerritoryDirectory;

/** The year's use cases, the change since the previous month and the gauges' outlook, over the statuses of {@link UseCases}. */
@Factory
final class YearUseCases {

    @Singleton
    YearQueries yearQueries(StatusQueries statuses) {
        return new YearQueries(statuses);
    }

    @Singleton
    OutlookReadModel outlookReadModel(StatusReadModel statuses, StatusChanges changes, YearQueries years,
                                      RegionRevisions revisions, TerritoryDirectory territories,
                                      ReadModelObserver observer) {
        return new OutlookReadModel(statuses, changes, years, revisions, territories, observer);
    }

    @Singleton
    StatusChanges statusChanges(StatusQueries statuses) {
        return new StatusChanges(statuses);
    }
}
