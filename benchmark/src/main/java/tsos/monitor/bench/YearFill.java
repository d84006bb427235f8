package tsos.monitor.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

/**
 * The weeks between the first and the measured last ones, not part of any target: by the persistence adapter's bulk
 * writer (a batch per week, written as the service writes one: the fastest honest path to a year of data), or
 * through gRPC as the measured weeks; then {@code analyze}.
 */
final class YearFill {

    private YearFill() {
    }

    static void fill(MeasuredService service, Report report, int lastFilled) throws Exception {
        boolean bulk = service.options().fill() == Options.Fill.copy;
        service.step("filling weeks 2 to " + lastFilled + " (" + (bulk ? "the persistence adapter's bulk writer: "
                + "COPY into reported_value" : "gRPC") + ")");
        var watch = service.monitor().start();
        long filled = 0;
        for (int week = 2; week <= lastFilled; week++) {
            if (bulk) {
                filled += service.writer().write("bench bulk fill", "bench-fill-" + service.data().period(week),
                        service.reports(week)).orElseThrow().valuesStored();
            } else {
                filled += GrpcWeek.send(service, week).values();
            }
            if (week % 10 == 0 || week == lastFilled) {
                service.progress().printf(Locale.ROOT, "bench:   week %d loaded (%,d values so far, %.0f s)%n", week,
                        filled, watch.seconds());
            }
        }
        try (Connection db = service.database(); Statement analyze = db.createStatement()) {
            analyze.execute("analyze");
        }
        Monitor.Phase phase = watch.stop();
        service.progress().printf(Locale.ROOT, "bench:   %,d values in %.1f s = %,.0f values/s (analyze included); "
                + "%s%n", filled, phase.wallSeconds(), filled / phase.wallSeconds(), phase.describe());
        report.note(String.format(Locale.ROOT, "Weeks 2 to %d were loaded by %s: %,d values in %.0f s (%,.0f "
                        + "values/s, analyze included).", lastFilled, bulk ? "the persistence adapter's bulk writer "
                        + "(BulkReportWriter: a batch per week, its values by COPY straight into reported_value, "
                        + "data_month and the regions' revisions kept in the same transaction, as the service "
                        + "stores a batch, without validation), the fastest honest path; they are not part of the "
                        + "ingestion figure" : "gRPC, as week 1", filled, phase.wallSeconds(),
                filled / phase.wallSeconds()));
    }
}
