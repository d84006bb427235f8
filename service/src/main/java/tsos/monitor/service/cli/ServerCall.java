package tsos.monitor.service.cli;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A read command's call to the service: the answer printed, or the service's refusal said plainly. */
final class ServerCall {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    ServerOption server;

    int run(Function<ManagedChannel, String> call) throws InterruptedException {
        ManagedChannel channel = server.channel();
        try {
            spec.commandLine().getOut().print(call.apply(channel));
            return 0;
        } catch (StatusRuntimeException e) {
            spec.commandLine().getErr().println("the service at " + server.address + " answered "
                    + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
            return 1;
        } finally {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
