package tsos.monitor.adapters.grpc;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import tsos.monitor.domain.report.Violation;

/** Refusals as gRPC answers: INVALID_ARGUMENT with a google.rpc.BadRequest naming every bad row and field. */
final class GrpcErrors {

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
        violations.forEach(v -> details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(v.path(rows))
                .setDescription(v.reason())));
        String message = violations.size() + " " + what + ", nothing stored; first: "
                + violations.get(0).path(rows) + ": " + violations.get(0).reason();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(com.google.protobuf.Any.pack(details.build()))
                .build());
    }

    static StatusRuntimeException invalid(String field, String reason) {
        return invalid("", List.of(Violation.ofBatch(field, reason)));
    }
}
