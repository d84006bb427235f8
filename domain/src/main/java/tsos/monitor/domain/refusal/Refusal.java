package tsos.monitor.domain.refusal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why a write stored nothing: on what ground, and every row and field at fault, each counted within the list of
 * the write it is in (the municipalities and the schools of one registration are two lists).
 */
public record Refusal(Ground ground, Map<Rows, List<Violation>> violations) {

    public enum Ground {
        /** A row or field is malformed, or names what does not exist. */
        INVALID,
        /** The writer may not write some of the rows. */
        FORBIDDEN,
        /** The write contradicts one stored before, such as an idempotency key used for other content. */
        CONFLICT
    }

    /** The lists of rows a write is made of. */
    public enum Rows {
        REPORTS, PLANS, QUOTAS, MUNICIPALITIES, SCHOOLS
    }

    public Refusal {
        EnumMap<Rows, List<Violation>> nonEmpty = new EnumMap<>(Rows.class);
        violations.forEach((rows, ofRows) -> {
            if (!ofRows.isEmpty()) {
                nonEmpty.put(rows, List.copyOf(ofRows));
            }
        });
        if (nonEmpty.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one violation");
        }
        violations = Collections.unmodifiableMap(nonEmpty);
    }

    public static Refusal of(Ground ground, Rows rows, List<Violation> violations) {
        return new Refusal(ground, Map.of(rows, violations));
    }

    /** Every violation, list by list in the order of {@link Rows}, rows in the order they were found. */
    public List<Violation> all() {
        return violations.values().stream().flatMap(List::stream).toList();
    }
}
