package tsos.monitor.domain.sender;

/** A sender that cannot be, with the field at fault ({@code sender} or {@code regions}): a refusal names it. */
public final class InvalidSender extends IllegalArgumentException {

    private final String field;

    public InvalidSender(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
