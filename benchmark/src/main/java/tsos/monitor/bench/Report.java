package tsos.monitor.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the run found: each figure beside its target with met or MISSED, what would reach a missed one, and how
 * each was measured. Figures are kept by section, so that they print in the order of issue 8's targets whatever
 * order they were measured in.
 */
final class Report {

    /** One line of the table: a figure, its target, whether met, and what would reach it. */
    record Row(int section, String figure, String value, String target, Optional<Boolean> met, String remedy) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A figure without a target of its own (a detail of the one above it). */
    void figure(int section, String figure, String value) {
        rows.add(new Row(section, figure, value, "", Optional.empty(), ""));
    }

    /** A figure judged against its target, with what would reach the target when it is missed. */
    void judged(int section, String figure, String value, String target, boolean met, String remedy) {
        rows.add(new Row(section, figure, value, target, Optional.of(met), remedy));
    }

    /** How a figure was measured. */
    void note(String note) {
        notes.add(note);
    }

    boolean hasSection(int section) {
        return rows.stream().anyMatch(row -> row.section() == section);
    }

    List<Row> missed() {
        return sorted().stream().filter(row -> row.met().isPresent() && !row.met().get()).toList();
    }

    private List<Row> sorted() {
        return rows.stream().sorted(Comparator.comparingInt(Row::section)).toList();
    }

    /** The table, what would reach each missed target, and the notes. */
    void print(PrintStream out, List<String> heading, double totalSeconds) {
        out.println();
        heading.forEach(out::println);
        out.println();
        int width = rows.stream().mapToInt(row -> row.figure().length()).max().orElse(40);
        int valueWidth = Math.max(14, rows.stream().mapToInt(row -> row.value().length()).max().orElse(14));
        String format = "%-" + width + "s  %" + valueWidth + "s  %-9s %s%n";
        out.printf(Locale.ROOT, format, "figure", "value", "target", "");
        for (Row row : sorted()) {
            out.printf(Locale.ROOT, format, row.figure(), row.value(), row.target(),
                    row.met().map(met -> met ? "met" : "MISSED").orElse(""));
        }
        out.println();
        List<Row> missed = missed();
        if (missed.isEmpty()) {
            out.println("Every target is met.");
        } else {
            out.println("Missed, and what would reach it:");
            Map<String, List<String>> byRemedy = new LinkedHashMap<>();
            missed.forEach(row -> byRemedy.computeIfAbsent(row.remedy(), remedy -> new ArrayList<>())
                    .add(row.figure().strip()));
            byRemedy.forEach((remedy, figures) -> out.println("- " + String.join("; ", figures) + ": " + remedy
                    + "."));
        }
        out.println();
        out.println("How it was measured:");
        notes.forEach(note -> out.println("- " + note));
        out.printf(Locale.ROOT, "%nThe benchmark took %.0f s in all.%n", totalSeconds);
    }

    // ------------------------------------------------------------------ units

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    static String millis(double seconds) {
        return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }

    static String rate(double valuesPerSecond) {
        return String.format(Locale.ROOT, "%,.0f values/s", valuesPerSecond);
    }

    /** Tenths of a MB above a MB, else whole KB: the size of a page or an exposition. */
    static String bytesExact(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }

    /** Whole MB, or tenths of a GB from 10 GB: the size of a heap or a database. */
    static String bytes(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes >= 10L * 1024 * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
        }
        return String.format(Locale.ROOT, "%,d MB", Math.round(bytes / (1024.0 * 1024)));
    }
}
