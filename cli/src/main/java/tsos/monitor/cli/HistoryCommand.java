package tsos.monitor.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.HistoryRequest;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.ReportedValue;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Each month's actual and plan for a territory's indicator (each ISO week's for a weekly "
                + "indicator), and every value it reported, corrections and what they corrected included.",
                "As TSV, the months or weeks; with --values, the values reported. As JSON, both."})
final class HistoryCommand implements Callable<Integer> {

    static final String VALUES_TSV_HEADER = "period\tmetric\tvalue\treceived_at\tsender\tbatch_id\tsuperseded";

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceCall call;

    @Mixin
    TerritoryOptions territory;

    @Option(names = "--indicator", required = true, description = "Indicator code, such as 2.1.")
    String indicator;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    StatusFormat format;

    @Option(names = "--values", description = "With --format tsv: the values reported rather than the months.")
    boolean values;

    /** One row per ISO week or per month. */
    enum By { WEEK, MONTH }

    @Option(names = "--by", description = "week or month: one row per ISO week (the default for a weekly "
            + "indicator) or per month (the default, and the only choice, for a monthly one).")
    By by;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> {
            var history = IndicatorStatusesGrpc.newBlockingStub(channel).getHistory(HistoryRequest.newBuilder()
                    .setTerritory(territory.ref())
                    .setIndicator(indicator).build());
            if (history.getMonthsCount() == 0 && history.getValuesCount() == 0) {
                call.nothingToShow("nothing reported for indicator " + indicator + " of " + territory.region
                        + (territory.municipality.isEmpty() ? "" : "/" + territory.municipality));
            }
            boolean weekly = history.getWeeksCount() > 0;
            if (by == By.WEEK && !weekly && history.getMonthsCount() > 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--by week: indicator " + indicator
                        + " is reported monthly");
            }
            List<IndicatorStatus> periods = weekly && by != By.MONTH ? history.getWeeksList()
                    : history.getMonthsList();
            String periodsKey = weekly && by != By.MONTH ? "weeks" : "months";
            return switch (format) {
                case TSV -> values ? valuesTsv(history.getValuesList()) : format.render(periods);
                case JSON -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    object.put(periodsKey, periods.stream().map(s -> StatusFormat.jsonObject(s)).toList());
                    object.put("values", history.getValuesList().stream().map(HistoryCommand::json).toList());
                    yield StatusFormat.json(object);
                }
                case TABLE -> {
                    StringBuilder text = new StringBuilder(periodsKey + ":\n");
                    format.render(periods).lines()
                            .forEach(line -> text.append("  ").append(line).append('\n'));
                    text.append("values reported:\n");
                    history.getValuesList().forEach(value -> text.append(String.format(Locale.ROOT,
                            "  %-23s %-26s %12d  received %s from %s (batch %s)%s%n", value.getPeriod(),
                            value.getMetric(), value.getValue(), receivedAt(value), value.getSender(),
                            value.getBatchId(), value.getSuperseded() ? "  superseded by a correction" : "")));
                    yield text.toString();
                }
            };
        });
    }

    private static String valuesTsv(List<ReportedValue> values) {
        StringBuilder text = new StringBuilder(VALUES_TSV_HEADER).append('\n');
        values.forEach(value -> text.append(String.join("\t", value.getPeriod(), value.getMetric(),
                Long.toString(value.getValue()), receivedAt(value).toString(), value.getSender(), value.getBatchId(),
                Boolean.toString(value.getSuperseded()))).append('\n'));
        return text.toString();
    }

    private static Map<String, Object> json(ReportedValue value) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("period", value.getPeriod());
        object.put("metric", value.getMetric());
        object.put("value", value.getValue());
        object.put("received_at", receivedAt(value).toString());
        object.put("sender", value.getSender());
        object.put("batch_id", value.getBatchId());
        object.put("superseded", value.getSuperseded());
        return object;
    }

    private static Instant receivedAt(ReportedValue value) {
        return Instant.ofEpochSecond(value.getReceivedAt().getSeconds(), value.getReceivedAt().getNanos());
    }
}
