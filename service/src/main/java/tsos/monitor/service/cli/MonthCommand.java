package tsos.monitor.service.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.MonthStatusesRequest;

@Command(name = "month", mixinStandardHelpOptions = true,
        description = "Every status of a month, for the country or one region: each region's own for every "
                + "indicator, then its municipalities by indicator, best first.")
final class MonthCommand implements Callable<Integer> {

    @Mixin
    ServerCall call;

    @Mixin
    MonthAndFormat read;

    @Mixin
    CountryOrRegion scope;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> {
            List<IndicatorStatus> statuses = new ArrayList<>();
            IndicatorStatusesGrpc.newBlockingStub(channel).withMaxInboundMessageSize(64 * 1024 * 1024)
                    .listMonthStatuses(MonthStatusesRequest.newBuilder().setMonth(read.month).setRegion(scope.region)
                            .build())
                    .forEachRemaining(ofRegion -> {
                        statuses.addAll(ofRegion.getRegionStatusesList());
                        ofRegion.getRankingsList().forEach(ranking -> ranking.getMunicipalitiesList()
                                .forEach(ranked -> statuses.add(ranked.getStatus())));
                    });
            return read.format.render(statuses);
        });
    }
}
