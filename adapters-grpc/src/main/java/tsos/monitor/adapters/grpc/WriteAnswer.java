package tsos.monitor.adapters.grpc;

import io.grpc.stub.StreamObserver;
import java.util.function.Function;
import tsos.monitor.application.WriteResult;

/** Every write is answered alike: the response made of what was stored, or the refusal as a gRPC error. */
final class WriteAnswer {

    private WriteAnswer() {
    }

    static <S, A> void answer(StreamObserver<A> response, WriteResult<S> result, Function<S, A> stored) {
        result.<Void>fold(done -> {
            response.onNext(stored.apply(done));
            response.onCompleted();
            return null;
        }, refusal -> {
            response.onError(GrpcErrors.refused(refusal));
            return null;
        });
    }
}
