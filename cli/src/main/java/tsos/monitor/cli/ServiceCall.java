package tsos.monitor.cli;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A read command's call to the service: the answer printed, or the service's refusal said plainly. */
final class ServiceCall {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    ConnectionOptions service;

    /** Says, beside the output, that there is nothing to show and why. */
    void nothingToShow(String why) {
        spec.commandLine().getErr().println(why);
    }

    int run(Function<Channel, String> call) throws InterruptedException {
        ConnectionOptions.Connection connection = service.connect();
        try {
            spec.commandLine().getOut().print(call.apply(connection.channel()));
            return 0;
        } catch (StatusRuntimeException e) {
            spec.commandLine().getErr().println(service.refusal(e));
            return 1;
        } finally {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            connection.close();
        }
    }
}
