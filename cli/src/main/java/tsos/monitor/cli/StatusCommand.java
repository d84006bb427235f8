package tsos.monitor.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorState;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.ListStatusesRequest;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Each indicator's numerator, denominator, percent, plan (and whose), gap in points, level and "
                + "state (ABOVE_PLAN, BELOW_PLAN, NO_PLAN, NO_DATA, INCONSISTENT) for a territory and month, or for an ISO "
                + "week (the weekly indicators).")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ServiceCall call;

    @Mixin
    TerritoryOptions territory;

    @Mixin
    PeriodAndFormat read;

    @Option(names = "--indicator", description = "One indicator; without it, every indicator with data or a plan.")
    String indicator;

    @Override
    public Integer call() throws InterruptedException {
        String period = read.period();
        return call.run(channel -> {
            var stub = IndicatorStatusesGrpc.newBlockingStub(channel);
            List<IndicatorStatus> statuses = indicator != null
                    ? List.of(stub.getStatus(GetStatusRequest.newBuilder().setTerritory(territory.ref())
                    .setIndicator(indicator).setMonth(read.month).setWeek(read.week).build()))
                    : stub.listStatuses(ListStatusesRequest.newBuilder().setTerritory(territory.ref()).setMonth(read.month)
                    .setWeek(read.week).build()).getStatusesList().stream()
                    .filter(s -> s.getState() != IndicatorState.NO_DATA || s.hasPlan() || s.hasQuota())
                    .toList();
            if (statuses.isEmpty()) {
                call.nothingToShow("no indicator has data or a plan for " + territory.ref().getRegion()
                        + (territory.municipality.isEmpty() ? "" : "/" + territory.municipality) + " in " + period);
            }
            return read.format.render(statuses);
        });
    }
}
