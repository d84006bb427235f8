package tsos.monitor.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.SubmitReportsResponse;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.TerritoryReport;

/**
 * A week of the data sent through SubmitReports, in batches of {@code --batch-rows} school reports built before
 * the clock starts, one after another by one client, as a sending system would: values stored, warnings, the
 * phase it took, and the id of its first batch.
 */
record GrpcWeek(int week, int rows, long values, int batches, int warnings, Monitor.Phase phase, long firstBatchId) {

    static GrpcWeek send(MeasuredService service, int week) {
        NationalData data = service.data();
        int batchRows = service.options().batchRows();
        List<NationalData.Report> reports = data.week(week);
        List<SubmitReportsRequest> requests = new ArrayList<>();
        for (int start = 0; start < reports.size(); start += batchRows) {
            SubmitReportsRequest.Builder batch = SubmitReportsRequest.newBuilder()
                    .setIdempotencyKey("bench-" + data.period(week) + "-" + (requests.size() + 1));
            for (NationalData.Report report : reports.subList(start, Math.min(reports.size(), start + batchRows))) {
                TerritoryReport.Builder row = TerritoryReport.newBuilder()
                        .setTerritory(TerritoryRef.newBuilder()
                                .setRegion(report.school().municipality().region().code())
                                .setMunicipality(report.school().municipality().code())
                                .setSchool(report.school().code()))
                        .setPeriod(report.period());
                for (int m = 0; m < NationalData.METRICS.size(); m++) {
                    row.putCounts(NationalData.METRICS.get(m), report.counts()[m]);
                }
                batch.addReports(row);
            }
            requests.add(batch.build());
        }
        reports = null; // only the requests are held while they are sent
        var stub = ReportIngestionGrpc.newBlockingStub(service.sender());
        if (week == 1) {
            // A service that has run for a while has its paths compiled: the first week is sent once as a dry run
            // (validated whole, nothing stored) before the clock starts, so that it is not timed with the JIT.
            requests.forEach(request -> stub.submitReports(request.toBuilder().setDryRun(true).build()));
        }
        var watch = service.monitor().start();
        long values = 0;
        int warnings = 0;
        int rows = 0;
        long firstBatchId = -1;
        for (SubmitReportsRequest request : requests) {
            SubmitReportsResponse answer = stub.submitReports(request);
            values += answer.getValuesStored();
            warnings += answer.getWarningsCount();
            rows += request.getReportsCount();
            firstBatchId = firstBatchId < 0 ? Long.parseLong(answer.getBatchId()) : firstBatchId;
        }
        return new GrpcWeek(week, rows, values, requests.size(), warnings, watch.stop(), firstBatchId);
    }

    double rate() {
        return values / phase.wallSeconds();
    }

    void print(PrintStream progress) {
        progress.printf(Locale.ROOT, "bench:   %,d rows, %,d values in %d batches in %.2f s = %,.0f values/s "
                        + "(%d inconsistent-count warnings); %s%n", rows, values, batches, phase.wallSeconds(),
                rate(), warnings, phase.describe());
    }
}
