package tsos.monitor.application.contracts;

import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.SenderTokens;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;

/**
 * A contract that every implementation of a port keeps, run once against its fake and once against its PostgreSQL
 * adapter: a subclass says only where the ports under test come from.
 */
public abstract class PortContract {

    /** The implementation of the port of this type under test: the same one for the whole of a test. */
    protected abstract <T> T port(Class<T> type);

    protected final ReportStore reports() {
        return port(ReportStore.class);
    }

    protected final PlanStore plans() {
        return port(PlanStore.class);
    }

    protected final TerritoryDirectory directory() {
        return port(TerritoryDirectory.class);
    }

    protected final RegionRevisions revisions() {
        return port(RegionRevisions.class);
    }

    protected final SenderTokens tokens() {
        return port(SenderTokens.class);
    }

    protected final Transactions transactions() {
        return port(Transactions.class);
    }
}
