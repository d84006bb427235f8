package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.TerritoryDirectoryContract;
import tsos.monitor.domain.territory.Region;

class InMemoryTerritoryDirectoryTest extends TerritoryDirectoryContract {

    private final InMemoryPorts ports = new InMemoryPorts(new Region(PSKOV, "Псковская область"));

    @Override
    protected <T> T port(Class<T> type) {
        return ports.port(type);
    }
}
