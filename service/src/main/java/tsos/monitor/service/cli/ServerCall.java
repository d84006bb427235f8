package tsos.monitor.service.cli;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
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

    int run(Function<Channel, String> call) throws InterruptedException {
        ServerOption.Connection connection = server.connect();
        try {
            spec.commandLine().getOut().print(call.apply(connection.channel()));
            return 0;
        } catch (StatusRuntimeException e) {
            spec.commandLine().getErr().println("the service at " + server.address + " answered "
                    + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
            return 1;
        } finally {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            connection.close();
        }
    }
}
