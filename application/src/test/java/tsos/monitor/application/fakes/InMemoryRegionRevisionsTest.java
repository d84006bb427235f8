package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.RegionRevisionsContract;

class InMemoryRegionRevisionsTest extends RegionRevisionsContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected <T> T port(Class<T> type) {
        return ports.port(type);
    }
}
