package tsos.monitor.bench;

import io.grpc.StatusRuntimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.api.v1.BelowPlanRequest;
import tsos.monitor.api.v1.IndicatorState;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.MonthStatusesRequest;
import tsos.monitor.api.v1.MunicipalityRanking;
import tsos.monitor.api.v1.RankingRequest;
import tsos.monitor.api.v1.RegionMonthStatuses;
import tsos.monitor.domain.period.IsoWeek;

/**
 * (3) Every status of the month of the last week, several times: ListMonthStatuses for the country (the median is
 * judged); after each, ListBelowPlan for the country and RankMunicipalities for every region and indicator, as a
 * client asking region by region would. Then the month before, which nothing has asked for yet.
 */
final class MonthStatuses implements Measurement {

    private static final double TARGET_SECONDS = 1.0;

    /** What one national ListMonthStatuses call answered. */
    private record Answer(double seconds, long statuses, long belowPlan, long ranked) {
    }

    @Override
    public void measure(MeasuredService service, Report report) throws Exception {
        String month = service.lastMonth();
        NationalData data = service.data();
        List<String> indicators = service.runtime().context().getBean(IndicatorCatalogue.class).all()
                .stream().map(indicator -> indicator.code().value()).toList();
        int rankingCalls = data.regions().size() * indicators.size();
        service.step("(3) every status of " + month + ": ListMonthStatuses for the country; then ListBelowPlan for "
                + "the country and RankMunicipalities for each of " + data.regions().size() + " regions x "
                + indicators.size() + " indicators, through gRPC");
        var stub = IndicatorStatusesGrpc.newBlockingStub(service.admin())
                .withMaxInboundMessageSize(256 * 1024 * 1024);
        int runs = service.options().statusRuns();
        double[] totals = new double[runs];
        Answer answer = null;
        double belowSeconds = 0;
        double rankSeconds = 0;
        int failures = 0;
        Monitor.Phase lastPhase = null;
        for (int run = 0; run < runs; run++) {
            service.awaitReadModelIdle();
            var watch = service.monitor().start();
            answer = ask(stub, month);
            lastPhase = watch.stop();
            totals[run] = answer.seconds();
            long started = System.nanoTime();
            int below = stub.listBelowPlan(BelowPlanRequest.newBuilder().setMonth(month).build()).getStatusesCount();
            belowSeconds = (System.nanoTime() - started) / 1e9;
            long rankingStarted = System.nanoTime();
            long ranked = 0;
            for (NationalData.Region region : data.regions()) {
                for (String indicator : indicators) {
                    try {
                        ranked += stub.rankMunicipalities(RankingRequest.newBuilder().setRegion(region.code())
                                .setIndicator(indicator).setMonth(month).build()).getMunicipalitiesCount();
                    } catch (StatusRuntimeException e) {
                        failures++;
                    }
                }
            }
            rankSeconds = (System.nanoTime() - rankingStarted) / 1e9;
            service.progress().printf(Locale.ROOT, "bench:   run %d: ListMonthStatuses %.2f s (%,d statuses, %,d "
                            + "below plan, %,d municipalities ranked; %s); then ListBelowPlan %,d statuses in %.2f s "
                            + "and %d RankMunicipalities calls, %,d municipalities, in %.2f s%n", run + 1,
                    totals[run], answer.statuses(), answer.belowPlan(), answer.ranked(), lastPhase.describe(), below,
                    belowSeconds, rankingCalls, ranked, rankSeconds);
        }
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        report.judged(3, "(3) every status of " + month + ", ListMonthStatuses (median of " + runs + ")",
                Report.seconds(median), "< 1 s", median < TARGET_SECONDS, "the month's counts kept in memory by the "
                        + "read model (a region-month per region, current while its revision is), the statuses "
                        + "computed once per region-month");
        report.figure(3, "    statuses / below plan / municipalities with a place", String.format(Locale.ROOT,
                "%,d / %,d / %,d", answer.statuses(), answer.belowPlan(), answer.ranked()));
        report.figure(3, "    ListBelowPlan + " + rankingCalls + " RankMunicipalities calls (last run)",
                String.format(Locale.ROOT, "%.2f s + %.2f s", belowSeconds, rankSeconds));
        if (failures > 0) {
            report.note(failures + " RankMunicipalities calls failed in the status runs.");
        }
        YearMonth earlier = YearMonth.parse(month).minusMonths(1);
        if (!earlier.isBefore(YearMonth.from(new IsoWeek(service.options().year(), 1).end()))) {
            var watch = service.monitor().start();
            Answer cold = ask(stub, earlier.toString());
            Monitor.Phase coldPhase = watch.stop();
            service.progress().printf(Locale.ROOT, "bench:   %s, not in memory: %.2f s (%,d statuses); %s%n",
                    earlier, cold.seconds(), cold.statuses(), coldPhase.describe());
            report.figure(3, "    ListMonthStatuses for " + earlier + ", loaded from PostgreSQL",
                    Report.seconds(cold.seconds()));
            report.note(String.format(Locale.ROOT, "Statuses of %s, a month the read model does not hold, loaded "
                    + "region by region from PostgreSQL: %.2f s; %s", earlier, cold.seconds(), coldPhase.describe()));
        }
        report.note(String.format(Locale.ROOT, "Statuses of %s: ListMonthStatuses answers every status of every "
                        + "region and municipality for each of the %d indicators, with each municipality's place in "
                        + "its region. Runs: %s s. Last run: %s", month, indicators.size(),
                Arrays.stream(totals).mapToObj(t -> String.format(Locale.ROOT, "%.2f", t))
                        .reduce((x, y) -> x + ", " + y).orElse(""), lastPhase == null ? "" : lastPhase.describe()));
    }

    private static Answer ask(IndicatorStatusesGrpc.IndicatorStatusesBlockingStub stub, String month) {
        long started = System.nanoTime();
        long statuses = 0;
        long below = 0;
        long ranked = 0;
        var answers = stub.listMonthStatuses(MonthStatusesRequest.newBuilder().setMonth(month).build());
        while (answers.hasNext()) {
            RegionMonthStatuses region = answers.next();
            List<IndicatorStatus> all = new ArrayList<>(region.getRegionStatusesList());
            for (MunicipalityRanking ranking : region.getRankingsList()) {
                ranking.getMunicipalitiesList().forEach(m -> all.add(m.getStatus()));
                ranked += ranking.getMunicipalitiesList().stream().filter(m -> m.getPlace() > 0).count();
            }
            statuses += all.size();
            below += all.stream().filter(status -> status.getState() == IndicatorState.BELOW_PLAN).count();
        }
        return new Answer((System.nanoTime() - started) / 1e9, statuses, below, ranked);
    }
}
