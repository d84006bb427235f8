package tsos.monitor.service.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.HistoryRequest;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Each month's actual and plan for a territory's indicator, and every value it reported, "
                + "corrections and what they corrected included.")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    ServerCall call;

    @Mixin
    TerritoryOptions territory;

    @Option(names = "--indicator", required = true, description = "Indicator code, such as 2.1.")
    String indicator;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> {
            var history = IndicatorStatusesGrpc.newBlockingStub(channel).getHistory(HistoryRequest.newBuilder()
                    .setTerritory(territory.ref())
                    .setIndicator(indicator).build());
            StringBuilder text = new StringBuilder("months:\n");
            history.getMonthsList().forEach(status -> text.append("  ").append(StatusFormat.line(status)).append('\n'));
            text.append("values reported:\n");
            history.getValuesList().forEach(value -> text.append(String.format("  %-23s %-26s %12d  received %s "
                            + "from %s (batch %s)%s%n", value.getPeriod(), value.getMetric(), value.getValue(),
                    Instant.ofEpochSecond(value.getReceivedAt().getSeconds()), value.getSender(), value.getBatchId(),
                    value.getSuperseded() ? "  superseded by a correction" : "")));
            return text.toString();
        });
    }
}
