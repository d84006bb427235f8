package tsos.monitor.adapters.grpc;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import tsos.monitor.domain.report.Violation;

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

    static StatusRuntimeException invalid(String rows, List<Violation> violations) {
        return withViolations(Code.INVALID_ARGUMENT, "invalid field(s), nothing stored", rows, violations);
    }

    /** INVALID_ARGUMENT for a read: the question is malformed, and nothing was ever to be stored. */
    static StatusRuntimeException invalidQuery(String field, String reason) {
        return withViolations(Code.INVALID_ARGUMENT, "invalid field(s) in the question", "",
                List.of(Violation.ofBatch(field, reason)));
    }

    /** PERMISSION_DENIED naming the rows the sender may not write. */
    static StatusRuntimeException denied(String rows, List<Violation> violations) {
        return withViolations(Code.PERMISSION_DENIED, "row(s) outside the sender's regions, nothing stored", rows,
                violations);
    }

    private static StatusRuntimeException withViolations(Code code, String what, String rows,
                                                         List<Violation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(clipped(v.path(rows))).setDescription(clipped(v.reason())));
            if (details.build().getSerializedSize() > MAX_DETAILS_BYTES && i + 1 < violations.size()) {
                details.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(rows)
                        .setDescription((violations.size() - i - 1) + " more violation(s) not listed: mend these "
                                + "and send again"));
                break;
            }
        }
        String message = violations.size() + " " + what + "; first: "
                + clipped(violations.get(0).path(rows) + ": " + violations.get(0).reason());
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

    static StatusRuntimeException invalid(String field, String reason) {
        return invalid("", List.of(Violation.ofBatch(field, reason)));
    }
}
