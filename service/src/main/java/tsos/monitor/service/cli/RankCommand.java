package tsos.monitor.service.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.RankingRequest;

@Command(name = "rank", mixinStandardHelpOptions = true,
        description = "A region's municipalities ranked by an indicator in a month, with their levels; the leader and "
                + "the outsider are marked.")
final class RankCommand implements Callable<Integer> {

    @Mixin
    ServerCall call;

    @Mixin
    MonthAndFormat read;

    @Option(names = "--region", required = true, description = "Two-digit subject code, such as 27.")
    String region;

    @Option(names = "--indicator", required = true, description = "Indicator code, such as 2.1.")
    String indicator;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> {
            var ranking = IndicatorStatusesGrpc.newBlockingStub(channel).rankMunicipalities(RankingRequest.newBuilder()
                    .setRegion(region).setIndicator(indicator).setMonth(read.month).build());
            if (ranking.getMunicipalitiesCount() == 0) {
                call.nothingToShow("no municipalities registered in " + region);
            }
            return read.format.renderRanked(ranking.getMunicipalitiesList().stream().map(StatusFormat.Row::of)
                    .toList());
        });
    }
}
