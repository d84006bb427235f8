package tsos.monitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tsos.monitor.api.v1.BelowPlanRequest;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;

@Command(name = "below-plan", mixinStandardHelpOptions = true,
        description = "Every region and municipality, and indicator, below its plan in a month.")
final class BelowPlanCommand implements Callable<Integer> {

    @Mixin
    ServiceCall call;

    @Mixin
    MonthAndFormat read;

    @Mixin
    CountryOrRegion scope;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> {
            var below = IndicatorStatusesGrpc.newBlockingStub(channel).listBelowPlan(BelowPlanRequest.newBuilder()
                    .setMonth(read.month).setRegion(scope.region).build()).getStatusesList();
            if (below.isEmpty()) {
                call.nothingToShow("nothing below plan in " + read.month + " for "
                        + (scope.region.isEmpty() ? "the country" : scope.region));
            }
            return read.format.render(below);
        });
    }
}
