package tsos.monitor.application;

/** Told of every submission's result, stored, replayed or refused: the service's own counters follow it. */
@FunctionalInterface
public interface IngestionObserver {

    void observed(WriteResult<SubmitReports.Stored> result, int reportsInBatch);
}
