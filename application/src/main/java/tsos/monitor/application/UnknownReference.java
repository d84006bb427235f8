package tsos.monitor.application;

import tsos.monitor.domain.refusal.Field;

/** A query names a territory or indicator that is not there: the field, and why. */
public final class UnknownReference extends RuntimeException {

    private final Field.Column field;

    public UnknownReference(Field.Column field, String reason) {
        super(field.word() + ": " + reason);
        this.field = field;
    }

    public Field.Column field() {
        return field;
    }
}
