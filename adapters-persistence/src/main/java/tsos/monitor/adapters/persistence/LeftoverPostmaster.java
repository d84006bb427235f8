package tsos.monitor.adapters.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The postmaster of a service that was killed ({@code kill -9}) outlives it and keeps holding the data directory,
 * so the next start would wait for a server that never comes. Found by the data directory's own pid file, and
 * stopped only when that pid is a postgres serving this very directory: never another process.
 */
final class LeftoverPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private LeftoverPostmaster() {
    }

    /** Stops the postmaster that {@code data/postmaster.pid} names, if it is alive and serves {@code data}. */
    static void stopIfRunning(Path data) throws IOException {
        Optional<Long> pid = pid(data);
        if (pid.isEmpty() || !servesDirectory(pid.get(), data)) {
            return;
        }
        ProcessHandle postmaster = ProcessHandle.of(pid.get()).orElse(null);
        if (postmaster == null) {
            return;
        }
        LOG.warn("a PostgreSQL left by an earlier run (pid {}) still holds {}: stopping it", pid.get(), data);
        if (!stop(postmaster, "TERM") && !stop(postmaster, "QUIT")) {
            throw new IllegalStateException("the PostgreSQL left by an earlier run (pid " + pid.get() + ") in "
                    + data + " did not stop");
        }
        LOG.warn("the PostgreSQL left by an earlier run (pid {}) stopped", pid.get());
    }

    /** The postmaster's pid as its pid file says, if the file is there. */
    static Optional<Long> pid(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether process {@code pid} runs the postgres binary with {@code -D} naming {@code data}. */
    private static boolean servesDirectory(long pid, Path data) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> arguments = List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
            int directory = arguments.indexOf("-D");
            return !arguments.isEmpty() && Path.of(arguments.get(0)).getFileName().toString().equals("postgres")
                    && directory >= 0 && directory + 1 < arguments.size()
                    && Files.isSameFile(Path.of(arguments.get(directory + 1)), data);
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private static boolean stop(ProcessHandle postmaster, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(postmaster.pid())).inheritIO().start().waitFor();
            postmaster.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping pid " + postmaster.pid(), e);
        } catch (ExecutionException e) {
            throw new IOException(e);
        }
    }

    /**
     * Waits until no process works in {@code data} any more: a killed postmaster's children notice its death and
     * leave within moments, and a new postmaster refuses to start while they still hold its shared memory.
     */
    static void awaitNoProcessIn(Path data, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && anyProcessIn(data)) {
            Thread.sleep(50);
        }
    }

    private static boolean anyProcessIn(Path data) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> {
                        try {
                            return Files.isSameFile(Files.readSymbolicLink(p.resolve("cwd")), data);
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    });
        } catch (IOException e) {
            return false;
        }
    }
}
