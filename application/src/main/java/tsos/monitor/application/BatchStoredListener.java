package tsos.monitor.application;

import java.util.List;
import tsos.monitor.domain.report.TerritoryReport;

/** Told after a batch is committed, so that read models (the gauges) follow every accepted batch. */
@FunctionalInterface
public interface BatchStoredListener {

    void batchStored(List<TerritoryReport> reports);
}
