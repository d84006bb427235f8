package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.ReportStoreContract;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;

class PostgresReportStoreTest extends ReportStoreContract {

    @Override
    protected ReportStore reports() {
        return PostgresAdapters.bean(ReportStore.class);
    }

    @Override
    protected TerritoryDirectory directory() {
        return PostgresAdapters.bean(TerritoryDirectory.class);
    }

    @Override
    protected Transactions transactions() {
        return PostgresAdapters.bean(Transactions.class);
    }
}
