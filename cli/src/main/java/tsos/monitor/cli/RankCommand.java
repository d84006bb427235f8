package tsos.monitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.RankingRequest;

@Command(name = "rank", mixinStandardHelpOptions = true,
        description = "A region's municipalities (or with --municipality its schools, or with --country the regions) "
                + "ranked by an indicator in a month (or an ISO week of a weekly indicator), with their levels; the "
                + "leader and the outsider are marked.")
final class RankCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceCall call;

    @Mixin
    PeriodAndFormat read;

    @Option(names = "--region", defaultValue = "", description = "Two-digit subject code, such as 27.")
    String region;

    @Option(names = "--municipality", defaultValue = "", description = "Rank this municipality's schools (code or name).")
    String municipality;

    @Option(names = "--country", description = "Rank the regions of the country.")
    boolean country;

    @Option(names = "--you", defaultValue = "",
            description = "A school's, municipality's or region's code, marked «you» (the school card).")
    String you;

    @Option(names = "--indicator", required = true, description = "Indicator code, such as 2.1.")
    String indicator;

    @Override
    public Integer call() throws InterruptedException {
        if (!country && region.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --region (or --country)");
        }
        read.period();
        return call.run(channel -> {
            var ranking = IndicatorStatusesGrpc.newBlockingStub(channel).rankMunicipalities(RankingRequest.newBuilder()
                    .setRegion(region).setMunicipality(municipality).setCountry(country).setYou(you)
                    .setIndicator(indicator).setMonth(read.month).setWeek(read.week).build());
            if (ranking.getMunicipalitiesCount() == 0) {
                call.nothingToShow(country ? "no regions to rank" : !municipality.isEmpty()
                        ? "no schools registered in " + municipality : "no municipalities registered in " + region);
            }
            return read.format.renderRanked(ranking.getMunicipalitiesList().stream().map(StatusFormat.Row::of).toList());
        });
    }
}
