package tsos.monitor.application.fakes;

import java.util.Map;
import java.util.Objects;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.SenderTokens;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.Territory;

/** The fake of every port, over one transaction log, found by the port's type: what the contracts run against. */
public final class InMemoryPorts {

    private final Map<Class<?>, Object> byType;

    /** @param known the territories the fake directory knows from the start */
    public InMemoryPorts(Territory... known) {
        InMemoryTransactions transactions = new InMemoryTransactions();
        byType = Map.of(Transactions.class, transactions,
                ReportStore.class, new InMemoryReportStore(transactions),
                PlanStore.class, new InMemoryPlanStore(transactions),
                TerritoryDirectory.class, new InMemoryTerritoryDirectory(known),
                RegionRevisions.class, new InMemoryRegionRevisions(transactions),
                SenderTokens.class, new InMemorySenderTokens(transactions));
    }

    public <T> T port(Class<T> type) {
        return type.cast(Objects.requireNonNull(byType.get(type), () -> "no fake of " + type.getSimpleName()));
    }
}
