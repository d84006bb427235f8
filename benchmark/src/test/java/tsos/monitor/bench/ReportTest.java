package tsos.monitor.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void a_missed_target_is_printed_with_what_would_reach_it_and_figures_in_the_order_of_their_sections() {
        Report report = new Report();
        report.judged(4, "(4) start", "12.00 s", "< 10 s", false, "fewer beans at start");
        report.judged(2, "(2) scrape", "30 ms", "< 250 ms", true, "fewer series");
        report.figure(2, "    series", "208,641");

        String printed = printed(report);

        assertTrue(printed.indexOf("(2) scrape") < printed.indexOf("    series")
                && printed.indexOf("    series") < printed.indexOf("(4) start"), printed);
        assertTrue(printed.contains("MISSED") && printed.contains("met"), printed);
        assertTrue(printed.contains("- (4) start: fewer beans at start."), printed);
        assertTrue(!printed.contains("fewer series"), "a met target's remedy is not printed: " + printed);
    }

    @Test
    void a_run_that_meets_every_target_says_so() {
        Report report = new Report();
        report.judged(3, "(3) statuses", "0.35 s", "< 1 s", true, "keep them in memory");

        assertTrue(printed(report).contains("Every target is met."));
    }

    private static String printed(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of("heading"), 1);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
