package tsos.monitor.application;

/** A query names a territory or indicator that is not there: the field, and why. */
public final class UnknownReference extends RuntimeException {

    private final String field;

    public UnknownReference(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
