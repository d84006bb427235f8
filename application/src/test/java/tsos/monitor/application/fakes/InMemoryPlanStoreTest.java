package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.PlanStoreContract;
import tsos.monitor.domain.territory.Region;

class InMemoryPlanStoreTest extends PlanStoreContract {

    private final InMemoryPorts ports = new InMemoryPorts(new Region(ROSTOV, "Ростовская область"));

    @Override
    protected <T> T port(Class<T> type) {
        return ports.port(type);
    }
}
