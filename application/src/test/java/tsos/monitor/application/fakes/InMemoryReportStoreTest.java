package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.ReportStoreContract;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.Region;

class InMemoryReportStoreTest extends ReportStoreContract {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryReportStore reports = new InMemoryReportStore(transactions);
    private final InMemoryTerritoryDirectory directory = new InMemoryTerritoryDirectory(
            new Region(RYAZAN, "Рязанская область"));

    @Override
    protected ReportStore reports() {
        return reports;
    }

    @Override
    protected TerritoryDirectory directory() {
        return directory;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
