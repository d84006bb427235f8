package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `kill -9` of `tsos serve` leaves its embedded postmaster running, holding the data directory; the next start
 * recognises it by the directory's pid file, stops it, and serves at its first attempt.
 */
class KilledServiceTest {

    @TempDir
    Path data;

    @Test
    void after_kill_9_of_the_service_the_next_start_serves_at_its_first_attempt() throws Exception {
        ServeProcess first = ServeProcess.start(data);
        try {
            first.awaitServing(120);
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0)
                    .strip());
            first.kill();
            assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                    "the killed service's postmaster outlives it");

            ServeProcess second = ServeProcess.start(data);
            try {
                double seconds = second.awaitServing(120);
                assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                        "the left postmaster was stopped");
                System.out.printf("after kill -9 of the service: the next start served in %.1f s (first attempt)%n",
                        seconds);
            } finally {
                second.stop();
            }
        } finally {
            first.kill();
        }
    }
}
