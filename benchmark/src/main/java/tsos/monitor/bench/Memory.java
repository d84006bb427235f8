package tsos.monitor.bench;

import java.util.Locale;

/** (4) The heap and resident set of the one JVM that ran the service and the benchmark's client. */
final class Memory {

    private static final long TARGET_BYTES = 512L * 1024 * 1024;

    private Memory() {
    }

    static void report(Monitor monitor, Report report) {
        long max = Monitor.maxHeap();
        long live = monitor.peakHeapAfterGc();
        long residentSet = Monitor.peakResidentSet();
        report.judged(4, "(4) peak heap in use after a collection (what is live)", Report.bytes(live), "< 512 MB",
                live < TARGET_BYTES, "less kept in memory: fewer region-months (tsos.status.region-months-kept), a "
                        + "read model of fewer series");
        report.figure(4, "    peak heap used, sampled every 50 ms / -Xmx", Report.bytes(monitor.peakHeapUsed())
                + " / " + Report.bytes(max));
        report.figure(4, "    peak heap committed", Report.bytes(monitor.peakHeapCommitted()));
        report.figure(4, "    time in garbage collection (all collectors)", String.format(Locale.ROOT,
                "%.1f s", Monitor.gcSeconds()));
        report.figure(4, "(4) peak RSS of the JVM (VmHWM)", residentSet < 0 ? "unknown" : Report.bytes(residentSet));
        report.note("Memory is that of this one JVM, which runs the service and the benchmark's client, under -Xmx "
                + Report.bytes(max) + " (./bench gives -Xmx512m: the target is the limit, so a run that completes "
                + "shows the service fits in it; the collector's pressure shows in the time it took): the client "
                + "holds the synthetic country (~10 MB), a week's requests or COPY text (~30 MB) while it sends them. "
                + "PostgreSQL runs in its own processes and is not counted. The sum of the heap pools' own peaks (an "
                + "upper bound) was " + Report.bytes(Monitor.heapPoolPeaks()) + ".");
    }
}
