package tsos.monitor.service.cli;

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
import tsos.monitor.api.v1.TerritoryRef;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Each indicator's numerator, denominator, percent, plan (and whose), gap in points, level and "
                + "state (ABOVE_PLAN, BELOW_PLAN, NO_PLAN, NO_DATA, INCONSISTENT) for a territory and month.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ServerCall call;

    @Option(names = "--region", required = true, description = "Two-digit subject code, such as 27.")
    String region;

    @Option(names = "--municipality", defaultValue = "", description = "A municipality's code or name.")
    String municipality;

    @Option(names = "--indicator", description = "One indicator; without it, every indicator with data or a plan.")
    String indicator;

    @Option(names = "--month", required = true, description = "YYYY-MM.")
    String month;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    StatusFormat format;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> {
            var stub = IndicatorStatusesGrpc.newBlockingStub(channel);
            TerritoryRef territory = TerritoryRef.newBuilder().setRegion(region).setMunicipality(municipality).build();
            List<IndicatorStatus> statuses = indicator != null
                    ? List.of(stub.getStatus(GetStatusRequest.newBuilder().setTerritory(territory)
                    .setIndicator(indicator).setMonth(month).build()))
                    : stub.listStatuses(ListStatusesRequest.newBuilder().setTerritory(territory).setMonth(month)
                    .build()).getStatusesList().stream()
                    .filter(s -> s.getState() != IndicatorState.NO_DATA || s.hasPlan() || s.hasQuota())
                    .toList();
            return format.render(statuses);
        });
    }
}
