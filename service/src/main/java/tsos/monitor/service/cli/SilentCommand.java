package tsos.monitor.service.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.Completeness;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.SilentReport;
import tsos.monitor.api.v1.SilentRequest;
import tsos.monitor.api.v1.SilentTerritory;
import tsos.monitor.api.v1.TerritoryRef;

@Command(name = "silent", mixinStandardHelpOptions = true,
        description = {"Every territory and indicator of a region expected to report in a month that sent nothing,",
                "with the month it last reported in, and the completeness of the region and its municipalities",
                "(reports received of expected, and received on time). TSV lists the silent only."})
final class SilentCommand implements Callable<Integer> {

    @Mixin
    ServerCall call;

    @Mixin
    MonthAndFormat read;

    @Option(names = "--region", required = true, description = "The region's subject code.")
    String region;

    @Option(names = "--deadline-days", defaultValue = "15",
            description = "Days after the month by which a report is on time (default: ${DEFAULT-VALUE}).")
    int deadlineDays;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> render(IndicatorStatusesGrpc.newBlockingStub(channel).listSilent(
                SilentRequest.newBuilder().setRegion(region).setMonth(read.month).setDeadlineDays(deadlineDays)
                        .build())));
    }

    private String render(SilentReport report) {
        StringBuilder text = new StringBuilder();
        List<SilentTerritory> silent = report.getSilentList();
        switch (read.format) {
            case TSV -> {
                text.append("territory\tterritory_name\tindicator\tlast_period\n");
                silent.forEach(s -> text.append(String.join("\t", code(s.getTerritory()), s.getTerritoryName(),
                        s.getIndicator(), s.hasLastPeriod() ? s.getLastPeriod() : "")).append('\n'));
            }
            case JSON -> {
                text.append("{\"silent\": [");
                for (int i = 0; i < silent.size(); i++) {
                    SilentTerritory s = silent.get(i);
                    text.append(i == 0 ? "\n  " : ",\n  ").append("{\"territory\": \"").append(code(s.getTerritory()))
                            .append("\", \"territory_name\": \"").append(escape(s.getTerritoryName()))
                            .append("\", \"indicator\": \"").append(s.getIndicator()).append("\", \"last_period\": ")
                            .append(s.hasLastPeriod() ? "\"" + s.getLastPeriod() + "\"" : "null").append('}');
                }
                text.append(silent.isEmpty() ? "],\n \"completeness\": [" : "\n ],\n \"completeness\": [");
                List<Completeness> rates = report.getCompletenessList();
                for (int i = 0; i < rates.size(); i++) {
                    Completeness c = rates.get(i);
                    text.append(i == 0 ? "\n  " : ",\n  ").append("{\"territory\": \"").append(code(c.getTerritory()))
                            .append("\", \"territory_name\": \"").append(escape(c.getTerritoryName()))
                            .append("\", \"expected\": ").append(c.getExpected())
                            .append(", \"received\": ").append(c.getReceived())
                            .append(", \"on_time\": ").append(c.getOnTime())
                            .append(", \"received_percent\": ").append(nullable(percent(c.getReceived(), c.getExpected())))
                            .append(", \"on_time_percent\": ").append(nullable(percent(c.getOnTime(), c.getExpected())))
                            .append('}');
                }
                text.append(rates.isEmpty() ? "]}\n" : "\n ]}\n");
            }
            case TABLE -> {
                text.append(silent.isEmpty() ? "Nobody expected is silent in " + read.month + ".\n"
                        : "Silent in " + read.month + ":\n");
                silent.forEach(s -> text.append(String.format(Locale.ROOT, "  %-28s %-34s last reported %s%n",
                        code(s.getTerritory()) + " " + s.getTerritoryName(), s.getIndicator(),
                        s.hasLastPeriod() ? s.getLastPeriod() : "never")));
                text.append("Completeness (reports received of expected; on time: by ").append(deadlineDays)
                        .append(" days after the month):\n");
                report.getCompletenessList().forEach(c -> text.append(String.format(Locale.ROOT,
                        "  %-28s %d of %d = %s %%, on time %d = %s %%%n",
                        code(c.getTerritory()) + " " + c.getTerritoryName(), c.getReceived(), c.getExpected(),
                        orDash(percent(c.getReceived(), c.getExpected())), c.getOnTime(),
                        orDash(percent(c.getOnTime(), c.getExpected())))));
            }
        }
        return text.toString();
    }

    /** Two decimals, half up, from the counts; empty when nothing was expected. */
    private static String percent(int part, int whole) {
        return whole == 0 ? "" : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP).toPlainString();
    }

    private static String code(TerritoryRef t) {
        return t.getRegion() + (t.getMunicipality().isEmpty() ? "" : "/" + t.getMunicipality())
                + (t.getSchool().isEmpty() ? "" : "/" + t.getSchool());
    }

    private static String nullable(String number) {
        return number.isEmpty() ? "null" : number;
    }

    private static String orDash(String number) {
        return number.isEmpty() ? "-" : number;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
