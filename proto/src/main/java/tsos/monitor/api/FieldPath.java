package tsos.monitor.api;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field of a request as the API's refusals name it in {@code google.rpc.BadRequest}: "reports[3].counts.x",
 * "plans[0].months[4]", or "idempotency_key" for a field of the request itself. The service writes it and clients
 * (the {@code tsos} command line) read it back, through this class alone.
 *
 * @param list the repeated field the row is in ("reports", "plans", "schools"), empty for the request's own field
 * @param row the row's index in it, from 0; -1 for the request's own field
 */
public record FieldPath(String list, int row, String field) {

    private static final Pattern ROW_FIELD = Pattern.compile("(\\w+)\\[(\\d{1,9})]\\.(.+)");
    private static final Pattern MONTH = Pattern.compile("months\\[(\\d{1,9})]");
    private static final String COUNTS = "counts.";

    /** A field of the request itself. */
    public static FieldPath of(String field) {
        return new FieldPath("", -1, field);
    }

    public static FieldPath ofRow(String list, int row, String field) {
        return new FieldPath(list, row, field);
    }

    /** The field of one metric's count in a row: "counts.students_total". */
    public static String count(String metric) {
        return COUNTS + metric;
    }

    /** The field of one month of a plan, numbered from 1 (January): "months[4]". */
    public static String month(int number) {
        return "months[" + number + "]";
    }

    /** The path a refusal names; text that is not a row's field is a field of the request itself. */
    public static FieldPath parse(String text) {
        Matcher row = ROW_FIELD.matcher(text);
        return row.matches() ? ofRow(row.group(1), Integer.parseInt(row.group(2)), row.group(3)) : of(text);
    }

    public boolean inRow() {
        return row >= 0;
    }

    /** The metric whose count the field is, if it is one. */
    public Optional<String> metric() {
        return field.startsWith(COUNTS) ? Optional.of(field.substring(COUNTS.length())) : Optional.empty();
    }

    /** The month of a plan the field is, if it is one. */
    public OptionalInt month() {
        Matcher month = MONTH.matcher(field);
        return month.matches() ? OptionalInt.of(Integer.parseInt(month.group(1))) : OptionalInt.empty();
    }

    public String text() {
        return inRow() ? list + "[" + row + "]." + field : field;
    }

    @Override
    public String toString() {
        return text();
    }
}
