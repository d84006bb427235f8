package tsos.monitor.service.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.RankingRequest;

@Command(name = "rank", mixinStandardHelpOptions = true,
        description = "A region's municipalities (or with --municipality its schools, or with --country the regions) "
                + "ranked by an indicator in a month, with their levels; the leader and the outsider are marked.")
final class RankCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerCall call;

    @Mixin
    MonthAndFormat read;

    @Option(names = "--region", defaultValue = "", description = "Two-digit subject code, such as 27.")
    String region;

    @Option(names = "--municipality", defaultValue = "", description = "Rank this municipality's schools (code or name).")
    String municipality;

    @Option(names = "--country", description = "Rank the regions of the country.")
    boolean country;

    @Option(names = "--you", defaultValue = "",
            description = "A school's, municipality's or region's code, marked «you» in the table (the school card).")
    String you;

    @Option(names = "--indicator", required = true, description = "Indicator code, such as 2.1.")
    String indicator;

    @Override
    public Integer call() throws InterruptedException {
        if (!country && region.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --region (or --country)");
        }
        return call.run(channel -> {
            var ranking = IndicatorStatusesGrpc.newBlockingStub(channel).rankMunicipalities(RankingRequest.newBuilder()
                    .setRegion(region).setMunicipality(municipality).setCountry(country).setIndicator(indicator)
                    .setMonth(read.month).build());
            StringBuilder text = new StringBuilder();
            if (read.format == StatusFormat.TABLE) {
                for (var ranked : ranking.getMunicipalitiesList()) {
                    String place = ranked.getPlace() == 0 ? "  -" : String.format("%3d", ranked.getPlace());
                    String mark = (ranked.getLeader() ? "  ← leader" : ranked.getOutsider() ? "  ← outsider" : "")
                            + (isYou(ranked.getStatus().getTerritory()) ? "  ← you" : "");
                    text.append(place).append("  ").append(StatusFormat.line(ranked.getStatus())).append(mark)
                            .append('\n');
                }
                return text.toString();
            }
            return read.format.render(ranking.getMunicipalitiesList().stream().map(r -> r.getStatus()).toList());
        });
    }

    private boolean isYou(tsos.monitor.api.v1.TerritoryRef territory) {
        String code = country ? territory.getRegion()
                : !municipality.isEmpty() ? territory.getSchool() : territory.getMunicipality();
        return !you.isEmpty() && you.equals(code);
    }
}
