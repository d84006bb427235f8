package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.ReportStoreContract;

class PostgresReportStoreTest extends ReportStoreContract {

    @Override
    protected <T> T port(Class<T> type) {
        return PostgresAdapters.bean(type);
    }
}
