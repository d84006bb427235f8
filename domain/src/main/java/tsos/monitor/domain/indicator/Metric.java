package tsos.monitor.domain.indicator;

import java.util.regex.Pattern;

/** A named count, such as {@code teachers_total}: the public contract of reports and of the catalogue. */
public record Metric(String name) implements Comparable<Metric> {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public Metric {
        if (name == null || name.length() > 64 || !SNAKE_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("a metric name is snake_case, at most 64 characters");
        }
    }

    @Override
    public int compareTo(Metric other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
