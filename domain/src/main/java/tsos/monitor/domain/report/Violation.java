package tsos.monitor.domain.report;

/**
 * Why a batch is malformed, at one row and field. {@code row} counts from 0; {@link #BATCH} marks a field of
 * the batch itself, such as its idempotency key.
 */
public record Violation(int row, String field, String reason) {

    public static final int BATCH = -1;

    public static Violation ofBatch(String field, String reason) {
        return new Violation(BATCH, field, reason);
    }

    /** The field as a path into the request: "reports[3].period", or "idempotency_key" for the batch. */
    public String path() {
        return path("reports");
    }

    /** The path into a request whose rows are called {@code rows}: "plans[2].indicator". */
    public String path(String rows) {
        return row == BATCH ? field : rows + "[" + row + "]." + field;
    }

    @Override
    public String toString() {
        return path() + ": " + reason;
    }
}
