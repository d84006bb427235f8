package tsos.monitor.domain.sender;

import tsos.monitor.domain.refusal.Field;

/** A sender that cannot be, with the field at fault ({@code SENDER} or {@code REGIONS}): a refusal names it. */
public final class InvalidSender extends IllegalArgumentException {

    private final Field.Column field;

    public InvalidSender(Field.Column field, String message) {
        super(message);
        this.field = field;
    }

    public Field.Column field() {
        return field;
    }
}
