package tsos.monitor.domain.territory;

/** A territory's code or name that cannot be, with the field at fault: a refusal names it. */
public final class InvalidTerritory extends IllegalArgumentException {

    private final String field;

    public InvalidTerritory(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code region}, {@code municipality}, {@code school} or {@code name}. */
    public String field() {
        return field;
    }
}
