package tsos.monitor.domain.indicator;

import java.util.regex.Pattern;

/** A stable indicator code from the catalogue: "2.1", "mm.10", "sferum.teachers_active". */
public record IndicatorCode(String value) implements Comparable<IndicatorCode> {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_]*(\\.[a-z0-9_]+)*");

    public IndicatorCode {
        if (value == null || value.length() > 64 || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("an indicator code is such as 2.1 or sferum.teachers_active");
        }
    }

    @Override
    public int compareTo(IndicatorCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
