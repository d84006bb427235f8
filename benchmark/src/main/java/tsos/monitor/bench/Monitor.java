package tsos.monitor.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import tsos.monitor.application.ReadModelKeeping;

/**
 * What the benchmark watches while it runs, in its own JVM (the service runs in it too): the heap, sampled every
 * 50 ms and after every collection; the resident set (VmHWM); the CPU time of this JVM and of the PostgreSQL
 * server; and whether the service's read model is being refreshed.
 */
final class Monitor implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 50;

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakCommitted = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong refresherSamples = new AtomicLong();
    private final AtomicLong refresherBusySamples = new AtomicLong();
    private final List<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).toList();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile Path postmasterPidFile;
    private volatile ReadModelKeeping keeping;

    Monitor() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        long after = 0;
                        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc()
                                .entrySet()) {
                            if (heapPools.contains(pool.getKey())) {
                                after += pool.getValue().getUsed();
                            }
                        }
                        peakAfterGc.accumulateAndGet(after, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        sampler = new Thread(this::sample, "bench-monitor");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (running) {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
            peakCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
            refresherSamples.incrementAndGet();
            ReadModelKeeping watched = keeping;
            if (watched != null && watched.refreshing()) {
                refresherBusySamples.incrementAndGet();
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Where the PostgreSQL in use keeps its postmaster.pid, to count its CPU time; unknown for an external one. */
    void postgresData(Path dataDirectory) {
        this.postmasterPidFile = dataDirectory.resolve("postmaster.pid");
    }

    // ------------------------------------------------------------------ phases

    /** CPU seconds of this JVM and of PostgreSQL, wall time, and how busy the read model refresher was. */
    record Phase(double wallSeconds, double jvmCpuSeconds, double postgresCpuSeconds, double refresherBusyShare) {
        String describe() {
            return String.format(java.util.Locale.ROOT,
                    "CPU: service+bench JVM %.1f s, PostgreSQL %.1f s, in %.1f s on %d cores; read model refresher "
                            + "busy %.0f %% of the time", jvmCpuSeconds, postgresCpuSeconds, wallSeconds,
                    Runtime.getRuntime().availableProcessors(), refresherBusyShare * 100);
        }
    }

    final class Stopwatch {
        private final long started = System.nanoTime();
        private final double jvm = jvmCpuSeconds();
        private final double postgres = postgresCpuSeconds();
        private final long samples = refresherSamples.get();
        private final long busy = refresherBusySamples.get();

        Phase stop() {
            long allSamples = refresherSamples.get() - samples;
            return new Phase((System.nanoTime() - started) / 1e9, jvmCpuSeconds() - jvm,
                    postgresCpuSeconds() - postgres,
                    allSamples == 0 ? 0 : (refresherBusySamples.get() - busy) / (double) allSamples);
        }

        double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }
    }

    Stopwatch start() {
        return new Stopwatch();
    }

    /** Whose refreshes of the read model to count as busy from now on (none: null). */
    void watch(ReadModelKeeping keeping) {
        this.keeping = keeping;
    }

    // ------------------------------------------------------------------ figures

    long peakHeapUsed() {
        return peakUsed.get();
    }

    long peakHeapCommitted() {
        return peakCommitted.get();
    }

    long peakHeapAfterGc() {
        return peakAfterGc.get();
    }

    /** The sum of the heap pools' own peaks: an upper bound, as they need not peak together. */
    static long heapPoolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The time every garbage collector of this JVM has spent so far, as the JVM accounts it. */
    static double gcSeconds() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(collector -> Math.max(0, collector.getCollectionTime())).sum() / 1000.0;
    }

    static long maxHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    /** VmHWM (the peak resident set) of this JVM, in bytes, from /proc/self/status; -1 when unknown. */
    static long peakResidentSet() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return kilobytes(line) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    static double jvmCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** The postmaster's own and reaped children's CPU time, and its live backends': all of PostgreSQL's. */
    double postgresCpuSeconds() {
        Path pidFile = postmasterPidFile;
        if (pidFile == null) {
            return Double.NaN;
        }
        try {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            long ticks = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    long[] stat = stat(process);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == postmaster) {
                        ticks += stat[1] + stat[2] + stat[3] + stat[4];
                    } else if (stat[0] == postmaster) {
                        ticks += stat[1] + stat[2];
                    }
                }
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** ppid, utime, stime, cutime, cstime of a process, from /proc/PID/stat (fields 4, 14-17). */
    private static long[] stat(Path process) {
        try {
            String text = Files.readString(process.resolve("stat"));
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unsubscribe.forEach(Runnable::run);
    }
}
