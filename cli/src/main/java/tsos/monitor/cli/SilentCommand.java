package tsos.monitor.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.Completeness;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.SilentReport;
import tsos.monitor.api.v1.SilentRequest;
import tsos.monitor.api.v1.SilentTerritory;

@Command(name = "silent", mixinStandardHelpOptions = true,
        description = {"Every territory and indicator of a region expected to report in a month that sent nothing,",
                "with the month it last reported in, and the completeness of the region and its municipalities",
                "(reports received of expected, and received on time). TSV lists the silent only.",
                "With --week, the weekly indicators in that ISO week, and the week each last reported in."})
final class SilentCommand implements Callable<Integer> {

    @Mixin
    ServiceCall call;

    @Mixin
    PeriodAndFormat read;

    @Option(names = "--region", required = true, description = "The region's subject code.")
    String region;

    @Option(names = "--deadline-days", defaultValue = "15",
            description = "Days after the month (or week) by which a report is on time (default: ${DEFAULT-VALUE}).")
    int deadlineDays;

    @Override
    public Integer call() throws InterruptedException {
        read.period();
        return call.run(channel -> render(IndicatorStatusesGrpc.newBlockingStub(channel).listSilent(
                SilentRequest.newBuilder().setRegion(region).setMonth(read.month).setWeek(read.week)
                        .setDeadlineDays(deadlineDays).build())));
    }

    private String render(SilentReport report) {
        StringBuilder text = new StringBuilder();
        List<SilentTerritory> silent = report.getSilentList();
        switch (read.format) {
            case TSV -> {
                text.append("territory\tterritory_name\tindicator\tlast_period\n");
                silent.forEach(s -> text.append(String.join("\t", StatusFormat.territory(s.getTerritory()), s.getTerritoryName(),
                        s.getIndicator(), s.hasLastPeriod() ? s.getLastPeriod() : "")).append('\n'));
            }
            case JSON -> text.append(StatusFormat.json(json(report)));
            case TABLE -> {
                text.append(silent.isEmpty() ? "Nobody expected is silent in " + read.period() + ".\n"
                        : "Silent in " + read.period() + ":\n");
                silent.forEach(s -> text.append(String.format(Locale.ROOT, "  %-28s %-34s last reported %s%n",
                        StatusFormat.territory(s.getTerritory()) + " " + s.getTerritoryName(), s.getIndicator(),
                        s.hasLastPeriod() ? s.getLastPeriod() : "never")));
                text.append("Completeness (reports received of expected; on time: by ").append(deadlineDays)
                        .append(" days after the ").append(read.week.isEmpty() ? "month" : "week").append("):\n");
                report.getCompletenessList().forEach(c -> text.append(String.format(Locale.ROOT,
                        "  %-28s %d of %d = %s %%, on time %d = %s %%%n",
                        StatusFormat.territory(c.getTerritory()) + " " + c.getTerritoryName(), c.getReceived(), c.getExpected(),
                        orDash(percent(c.getReceived(), c.getExpected())), c.getOnTime(),
                        orDash(percent(c.getOnTime(), c.getExpected())))));
            }
        }
        return text.toString();
    }

    private static Map<String, Object> json(SilentReport report) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("silent", report.getSilentList().stream().map(s -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("territory", StatusFormat.territory(s.getTerritory()));
            entry.put("territory_name", s.getTerritoryName());
            entry.put("indicator", s.getIndicator());
            entry.put("last_period", s.hasLastPeriod() ? s.getLastPeriod() : null);
            return entry;
        }).toList());
        object.put("completeness", report.getCompletenessList().stream().map(c -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("territory", StatusFormat.territory(c.getTerritory()));
            entry.put("territory_name", c.getTerritoryName());
            entry.put("expected", c.getExpected());
            entry.put("received", c.getReceived());
            entry.put("on_time", c.getOnTime());
            entry.put("received_percent", number(percent(c.getReceived(), c.getExpected())));
            entry.put("on_time_percent", number(percent(c.getOnTime(), c.getExpected())));
            return entry;
        }).toList());
        return object;
    }

    private static BigDecimal number(String percent) {
        return percent.isEmpty() ? null : new BigDecimal(percent);
    }

    /** Two decimals, half up, from the counts; empty when nothing was expected. */
    private static String percent(int part, int whole) {
        return whole == 0 ? "" : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP).toPlainString();
    }

    private static String orDash(String number) {
        return number.isEmpty() ? "-" : number;
    }
}
