package tsos.monitor.adapters.grpc;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tsos.monitor.api.FieldPath;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.refusal.Refusal;
import tsos.monitor.domain.refusal.Violation;

/** Refusals as gRPC answers: INVALID_ARGUMENT with a google.rpc.BadRequest naming every bad row and field. */
final class GrpcErrors {

    /**
     * Error details travel in a trailer, base64-encoded (4 bytes for 3), and clients refuse headers over 8 KiB by
     * default (they would see a bare INTERNAL): the details stop short of that, saying how many violations were
     * left out.
     */
    private static final int MAX_DETAILS_BYTES = 4_500;
    private static final int MAX_TEXT = 200;
    private static final Duration BUSY_RETRY = Duration.ofSeconds(2);

    private GrpcErrors() {
    }

    /** A violation as the API names it: the path of its field in the request, and why. */
    record Named(FieldPath path, String reason) {
    }

    /**
     * A refusal as the API answers it: the code its ground calls for (INVALID_ARGUMENT, PERMISSION_DENIED,
     * ALREADY_EXISTS), naming every violation by its path in the request's own lists.
     */
    static StatusRuntimeException refused(Refusal refusal) {
        List<Named> named = refusal.violations().entrySet().stream()
                .flatMap(list -> named(list.getKey(), list.getValue())).toList();
        return switch (refusal.ground()) {
            case INVALID -> withViolations(Code.INVALID_ARGUMENT, "invalid field(s), nothing stored", named);
            case FORBIDDEN -> withViolations(Code.PERMISSION_DENIED,
                    "row(s) outside the sender's regions, nothing stored", named);
            case CONFLICT -> withViolations(Code.ALREADY_EXISTS,
                    "field(s) in conflict with what was stored before, nothing stored", named);
        };
    }

    private static Stream<Named> named(Refusal.Rows rows, List<Violation> violations) {
        String list = rows.name().toLowerCase(Locale.ROOT);
        return violations.stream().map(v -> new Named(v.row() == Violation.BATCH ? FieldPath.of(fieldOf(v.at()))
                : FieldPath.ofRow(list, v.row(), fieldOf(v.at())), v.reason()));
    }

    /** The one place a field of the domain is written as the API writes it. */
    private static String fieldOf(Field field) {
        if (field instanceof Field.Count count) {
            return FieldPath.count(count.metric());
        }
        if (field instanceof Field.PlanMonth month) {
            return FieldPath.month(month.number());
        }
        return ((Field.Column) field).name().toLowerCase(Locale.ROOT);
    }

    /** INVALID_ARGUMENT for a read: the question is malformed, and nothing was ever to be stored. */
    static StatusRuntimeException invalidQuery(String field, String reason) {
        return withViolations(Code.INVALID_ARGUMENT, "invalid field(s) in the question",
                List.of(new Named(FieldPath.of(field), reason)));
    }

    private static StatusRuntimeException withViolations(Code code, String what, List<Named> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        for (int i = 0; i < violations.size(); i++) {
            Named v = violations.get(i);
            details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(clipped(v.path().text())).setDescription(clipped(v.reason())));
            if (details.build().getSerializedSize() > MAX_DETAILS_BYTES && i + 1 < violations.size()) {
                details.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(v.path().list())
                        .setDescription((violations.size() - i - 1) + " more violation(s) not listed: mend these "
                                + "and send again"));
                break;
            }
        }
        String message = violations.size() + " " + what + "; first: "
                + clipped(violations.get(0).path().text() + ": " + violations.get(0).reason());
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(com.google.protobuf.Any.pack(details.build()))
                .build());
    }

    /** Text from a client, echoed back: control characters shown as '?', at most 200 characters. */
    static String clipped(String text) {
        if (text == null) {
            return "";
        }
        String visible = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > MAX_TEXT ? visible.substring(0, MAX_TEXT) + "…" : visible;
    }

    /** A refusal the client should retry after the delay: the delay travels as google.rpc.RetryInfo. */
    static StatusRuntimeException retryLater(Code code, String message, Duration delay) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(com.google.protobuf.Any.pack(RetryInfo.newBuilder().setRetryDelay(
                        com.google.protobuf.Duration.newBuilder().setSeconds(delay.toSeconds())
                                .setNanos(delay.toNanosPart())).build()))
                .build());
    }

    /** Every database connection was in use: the service is busy, not broken; retry in a moment. */
    static StatusRuntimeException busy() {
        return retryLater(Code.UNAVAILABLE, "the service is busy (every database connection is in use); nothing "
                + "was stored; retry in a few seconds", BUSY_RETRY);
    }

    /** NOT_FOUND naming what was asked for, clipped: an echo must not outgrow the client's header limit. */
    static StatusRuntimeException notFound(String what) {
        return Status.NOT_FOUND.withDescription(clipped(what)).asRuntimeException();
    }

    /** INVALID_ARGUMENT naming one field of the request itself: a value that cannot be, nothing stored. */
    static StatusRuntimeException invalid(Field field, String reason) {
        return withViolations(Code.INVALID_ARGUMENT, "invalid field(s), nothing stored",
                List.of(new Named(FieldPath.of(fieldOf(field)), reason)));
    }
}
