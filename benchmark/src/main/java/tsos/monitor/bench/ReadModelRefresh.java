package tsos.monitor.bench;

import java.util.Locale;
import tsos.monitor.application.StatusReadModel;

/** One refresh of the whole read model, as the service does at start and periodically; bounded by the timeout. */
final class ReadModelRefresh {

    private ReadModelRefresh() {
    }

    static void measure(MeasuredService service, Report report) throws InterruptedException {
        service.step("refreshing the whole read model once (what the service does at start and every 60 s)");
        Options options = service.options();
        StatusReadModel readModel = service.readModel();
        var watch = service.monitor().start();
        Thread refresher = new Thread(readModel::refreshAll, "bench-refresh-all");
        refresher.setDaemon(true);
        refresher.start();
        refresher.join((long) (options.refreshTimeout() * 1000));
        Monitor.Phase refresh = watch.stop();
        boolean finished = !refresher.isAlive();
        String value = finished ? String.format(Locale.ROOT, "%.1f s", refresh.wallSeconds())
                : String.format(Locale.ROOT, "> %.0f s", options.refreshTimeout());
        service.progress().printf(Locale.ROOT, "bench:   %s: %,d current statuses after %s; %s%n", finished ? "done"
                : "NOT FINISHED (it goes on in the background)", readModel.current().size(), value,
                refresh.describe());
        report.figure(5, "read model: one refresh of all of it (at start, then every 60 s)", value);
        int every = options.serviceRefreshSeconds();
        report.note("Read model refresh (StatusReadModel.refreshAll, called by the benchmark, " + value + "): "
                + refresh.describe() + ". The service runs one at start and then every tsos.metrics.refresh-seconds "
                + "(60 by default) after the last ended; the benchmark set it to " + (every > 0
                ? every + " s so that it runs only when timed here" : "the service's default")
                + (finished && every > 0 ? String.format(Locale.ROOT, "; at the default of 60 s the refresher would "
                + "be busy %.0f %% of the time", 100 * refresh.wallSeconds() / (refresh.wallSeconds() + 60)) : "")
                + ".");
    }
}
