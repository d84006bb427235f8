package tsos.monitor.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tsos.monitor.application.fakes.InMemoryPlanStore;
import tsos.monitor.application.fakes.InMemoryRegionRevisions;
import tsos.monitor.application.fakes.InMemoryReportStore;
import tsos.monitor.application.fakes.InMemoryTerritoryDirectory;
import tsos.monitor.application.fakes.InMemoryTransactions;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.territory.TerritoryCode;

/** The in-memory fakes of the ports over one transaction log, and the use cases the tests build over them. */
final class Fakes {

    /** An observer for tests in which no region may fail. */
    static final ReadModelObserver NO_REGION_FAILS = new ReadModelObserver() {
        @Override
        public void regionRefreshed(TerritoryCode region) {
        }

        @Override
        public void regionFailed(TerritoryCode region, RuntimeException cause) {
            throw new AssertionError("no region fails here", cause);
        }
    };

    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryReportStore reports = new InMemoryReportStore(transactions);
    final InMemoryPlanStore plans = new InMemoryPlanStore(transactions);
    final InMemoryTerritoryDirectory territories = InMemoryTerritoryDirectory.standard();
    final InMemoryRegionRevisions revisions = new InMemoryRegionRevisions(transactions);

    /** Batches of at most 100 rows; {@code listeners} told of each stored batch. */
    SubmitReports submitReports(BatchStoredListener... listeners) {
        return new SubmitReports(Catalogue.standard(), territories, reports, transactions, revisions, 100,
                List.of(listeners), List.of());
    }

    StatusQueries statusQueries() {
        return statusQueries(reports);
    }

    /** Statuses read from {@code store}: the fake report store, or a fault put before it. */
    StatusQueries statusQueries(ReportStore store) {
        return new StatusQueries(Catalogue.standard(), territories, store, plans, revisions, 10);
    }

    /** The read model over {@code queries}, its clock stopped at {@code now} (an ISO instant). */
    StatusReadModel statusReadModel(StatusQueries queries, ReportStore store, ReadModelObserver observer,
                                    String now) {
        return new StatusReadModel(Catalogue.standard(), queries, territories, store, observer,
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    OutlookReadModel outlookReadModel(StatusReadModel statuses, StatusQueries queries) {
        return new OutlookReadModel(statuses, new StatusChanges(queries), new YearQueries(queries), revisions,
                territories, NO_REGION_FAILS);
    }
}
