package tsos.monitor.domain.refusal;

/**
 * Why a write is refused, at one row and field. {@code row} counts from 0; {@link #BATCH} marks a field of the
 * batch itself, such as its idempotency key.
 */
public record Violation(int row, Field at, String reason) {

    public static final int BATCH = -1;

    public static Violation ofBatch(Field at, String reason) {
        return new Violation(BATCH, at, reason);
    }

    @Override
    public String toString() {
        return (row == BATCH ? "" : "row " + row + ", ") + at + ": " + reason;
    }
}
