package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.ReportStoreContract;
import tsos.monitor.domain.territory.Region;

class InMemoryReportStoreTest extends ReportStoreContract {

    private final InMemoryPorts ports = new InMemoryPorts(new Region(RYAZAN, "Рязанская область"));

    @Override
    protected <T> T port(Class<T> type) {
        return ports.port(type);
    }
}
