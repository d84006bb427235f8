package tsos.monitor.adapters.grpc;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import tsos.monitor.domain.report.Violation;

/** Refusals as gRPC answers: INVALID_ARGUMENT with a google.rpc.BadRequest naming every bad row and field. */
final class GrpcErrors {

    /**
     * Error details travel in a trailer, and clients refuse headers over 8 KiB by default (they would see a
     * bare INTERNAL): the details stop short of that, saying how many violations were left out.
     */
    private static final int MAX_DETAILS_BYTES = 6_000;
    private static final int MAX_TEXT = 200;

    private GrpcErrors() {
    }

    static StatusRuntimeException invalid(String rows, List<Violation> violations) {
        return withViolations(Code.INVALID_ARGUMENT, "invalid field(s)", rows, violations);
    }

    /** PERMISSION_DENIED naming the rows the sender may not write. */
    static StatusRuntimeException denied(String rows, List<Violation> violations) {
        return withViolations(Code.PERMISSION_DENIED, "row(s) outside the sender's regions", rows, violations);
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
        String message = violations.size() + " " + what + ", nothing stored; first: "
                + clipped(violations.get(0).path(rows) + ": " + violations.get(0).reason());
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(com.google.protobuf.Any.pack(details.build()))
                .build());
    }

    private static String clipped(String text) {
        String visible = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > MAX_TEXT ? visible.substring(0, MAX_TEXT) + "…" : visible;
    }

    static StatusRuntimeException invalid(String field, String reason) {
        return invalid("", List.of(Violation.ofBatch(field, reason)));
    }
}
