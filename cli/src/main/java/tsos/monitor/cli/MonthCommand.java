package tsos.monitor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.MonthStatusesRequest;

@Command(name = "month", mixinStandardHelpOptions = true,
        description = {"Every status of a month (or of an ISO week: the weekly indicators'), for the country or one "
                + "region: each region's own for every indicator, then its municipalities by indicator, best first, "
                + "with their places.",
                "Only what has data, unless --all."})
final class MonthCommand implements Callable<Integer> {

    @Mixin
    ServiceCall call;

    @Mixin
    PeriodAndFormat read;

    @Mixin
    CountryOrRegion scope;

    @Option(names = "--all", description = "Every territory and indicator, those without data too.")
    boolean all;

    @Override
    public Integer call() throws InterruptedException {
        String period = read.period();
        return call.run(channel -> {
            List<StatusFormat.Row> rows = new ArrayList<>();
            IndicatorStatusesGrpc.newBlockingStub(channel).withMaxInboundMessageSize(64 * 1024 * 1024)
                    .listMonthStatuses(MonthStatusesRequest.newBuilder().setMonth(read.month).setWeek(read.week)
                            .setRegion(scope.region).build())
                    .forEachRemaining(ofRegion -> {
                        ofRegion.getRegionStatusesList().forEach(status -> rows.add(StatusFormat.Row.of(status)));
                        ofRegion.getRankingsList().forEach(ranking -> ranking.getMunicipalitiesList()
                                .forEach(ranked -> rows.add(StatusFormat.Row.of(ranked))));
                    });
            List<StatusFormat.Row> shown = all ? rows : rows.stream().filter(row -> StatusFormat.hasData(row.status()))
                    .toList();
            String where = scope.region.isEmpty() ? "the country" : scope.region;
            if (rows.isEmpty()) {
                call.nothingToShow("no territories registered in " + where);
            } else if (shown.isEmpty()) {
                call.nothingToShow("no data in " + period + " for " + where + " (--all shows every territory)");
            }
            return read.format.renderRanked(shown);
        });
    }
}
