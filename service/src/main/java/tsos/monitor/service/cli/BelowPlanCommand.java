package tsos.monitor.service.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.BelowPlanRequest;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;

@Command(name = "below-plan", mixinStandardHelpOptions = true,
        description = "Every region and municipality, and indicator, below its plan in a month.")
final class BelowPlanCommand implements Callable<Integer> {

    @Mixin
    ServerCall call;

    @Option(names = "--month", required = true, description = "YYYY-MM.")
    String month;

    @Option(names = "--region", defaultValue = "", description = "One region's subject code; the whole country "
            + "without it.")
    String region;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    StatusFormat format;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> format.render(IndicatorStatusesGrpc.newBlockingStub(channel)
                .listBelowPlan(BelowPlanRequest.newBuilder().setMonth(month).setRegion(region).build())
                .getStatusesList()));
    }
}
