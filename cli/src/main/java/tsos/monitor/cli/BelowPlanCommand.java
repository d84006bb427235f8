package tsos.monitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tsos.monitor.api.v1.BelowPlanRequest;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;

@Command(name = "below-plan", mixinStandardHelpOptions = true,
        description = "Every region and municipality, and indicator, below its plan in a month (or every weekly "
                + "indicator's in an ISO week).")
final class BelowPlanCommand implements Callable<Integer> {

    @Mixin
    ServiceCall call;

    @Mixin
    PeriodAndFormat read;

    @Mixin
    CountryOrRegion scope;

    @Override
    public Integer call() throws InterruptedException {
        String period = read.period();
        return call.run(channel -> {
            var below = IndicatorStatusesGrpc.newBlockingStub(channel).listBelowPlan(BelowPlanRequest.newBuilder()
                    .setMonth(read.month).setWeek(read.week).setRegion(scope.region).build()).getStatusesList();
            if (below.isEmpty()) {
                call.nothingToShow("nothing below plan in " + period + " for "
                        + (scope.region.isEmpty() ? "the country" : scope.region));
            }
            return read.format.render(below);
        });
    }
}
