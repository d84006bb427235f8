package tsos.monitor.domain.territory;

import tsos.monitor.domain.refusal.Field;

/** A territory's code or name that cannot be, with the field at fault: a refusal names it. */
public final class InvalidTerritory extends IllegalArgumentException {

    private final Field.Column field;

    public InvalidTerritory(Field.Column field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code REGION}, {@code MUNICIPALITY}, {@code SCHOOL} or {@code NAME}. */
    public Field.Column field() {
        return field;
    }
}
