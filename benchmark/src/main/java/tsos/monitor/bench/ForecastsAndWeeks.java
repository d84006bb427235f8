package tsos.monitor.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.ListStatusesRequest;
import tsos.monitor.api.v1.RankingRequest;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.application.YearQueries;
import tsos.monitor.domain.indicator.ReportingCadence;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;

/**
 * (3) Where the year is heading, and the weeks: the year forecast of every region and municipality for every
 * indicator at the month of the last week ({@code YearQueries.everyForecast}); then the
 * statuses of the last ISO week for the largest region (its own, and its municipalities ranked for each weekly
 * indicator), through gRPC, first from PostgreSQL and then from memory.
 */
final class ForecastsAndWeeks implements Measurement {

    private static final double TARGET_SECONDS = 1.0;

    @Override
    public void measure(MeasuredService service, Report report) throws Exception {
        forecasts(service, report);
        week(service, report);
    }

    private static void forecasts(MeasuredService service, Report report) throws InterruptedException {
        String month = service.lastMonth();
        YearQueries years = service.runtime().context().getBean(YearQueries.class);
        service.step("(3) the year forecast of every region and municipality for every indicator at " + month
                + ", YearQueries.everyForecast");
        service.awaitReadModelIdle();
        long started = System.nanoTime();
        int forecast = years.everyForecast(Month.parse(month)).size();
        double seconds = (System.nanoTime() - started) / 1e9;
        service.progress().printf(Locale.ROOT, "bench:   %,d forecasts in %.2f s%n", forecast, seconds);
        report.judged(3, "(3) the year forecast of every territory and indicator at " + month, Report.seconds(seconds),
                "< 1 s", seconds < TARGET_SECONDS, "read each region's months once for all of its indicators and "
                        + "territories (YearQueries.forecastsOf over the region's statuses)");
        report.figure(3, "    territory forecasts", String.format(Locale.ROOT, "%,d", forecast));
    }

    private static void week(MeasuredService service, Report report) {
        IsoWeek week = new IsoWeek(service.options().year(), service.options().weeks());
        NationalData.Region largest = service.data().regions().stream()
                .max(Comparator.comparingInt(NationalData.Region::schoolCount)).orElseThrow();
        List<String> weekly = weeklyIndicators(service);
        service.step("(3) the statuses of " + week.text() + " for region " + largest.code() + " ("
                + largest.municipalities().size() + " municipalities, " + largest.schoolCount() + " schools): "
                + "ListStatuses and RankMunicipalities for each of " + weekly.size() + " weekly indicators");
        var stub = IndicatorStatusesGrpc.newBlockingStub(service.admin()).withMaxInboundMessageSize(64 * 1024 * 1024);
        double[] seconds = new double[2];
        long statuses = 0;
        for (int run = 0; run < seconds.length; run++) {
            long started = System.nanoTime();
            statuses = stub.listStatuses(ListStatusesRequest.newBuilder()
                    .setTerritory(TerritoryRef.newBuilder().setRegion(largest.code())).setWeek(week.text()).build())
                    .getStatusesCount();
            for (String indicator : weekly) {
                statuses += stub.rankMunicipalities(RankingRequest.newBuilder().setRegion(largest.code())
                        .setIndicator(indicator).setWeek(week.text()).build()).getMunicipalitiesCount();
            }
            seconds[run] = (System.nanoTime() - started) / 1e9;
        }
        service.progress().printf(Locale.ROOT, "bench:   %,d weekly statuses: %.2f s, then %.2f s%n", statuses,
                seconds[0], seconds[1]);
        report.figure(3, "(3) " + week.text() + " of region " + largest.code() + ", " + statuses
                + " statuses: first / again", Report.seconds(seconds[0]) + " / " + Report.seconds(seconds[1]));
    }

    private static List<String> weeklyIndicators(MeasuredService service) {
        return service.runtime().context().getBean(IndicatorCatalogue.class).all().stream()
                .filter(indicator -> indicator.cadence() == ReportingCadence.WEEKLY)
                .map(indicator -> indicator.code().value()).toList();
    }
}
