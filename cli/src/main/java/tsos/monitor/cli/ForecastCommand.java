package tsos.monitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.ForecastRequest;
import tsos.monitor.api.v1.TerritoryForecast;
import tsos.monitor.api.v1.YearOutlookGrpc;

@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Where a region and each of its municipalities are heading by December for one indicator, "
                + "forecast at a month: the projection, the year target (December's plan), the pace needed in points "
                + "per month, how many more are needed, and the state (ON_TRACK, OFF_TRACK, NO_TARGET, NO_DATA).")
final class ForecastCommand implements Callable<Integer> {

    @Mixin
    ServiceCall call;

    @Option(names = "--region", required = true, description = "Two-digit subject code, such as 24.")
    String region;

    @Option(names = "--indicator", required = true, description = "The indicator, such as 2.1.")
    String indicator;

    @Mixin
    MonthAndFormat read;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> {
            Rows rows = new Rows("territory", "territory_name", "indicator", "month", "actual_percent",
                    "forecast_percent", "year_target_percent", "required_pp_per_month", "needed", "state");
            YearOutlookGrpc.newBlockingStub(channel).listForecasts(ForecastRequest.newBuilder().setRegion(region)
                    .setIndicator(indicator).setMonth(read.month).build())
                    .getForecastsList().forEach(forecast -> row(rows, forecast));
            return rows.render(read.format);
        });
    }

    private static void row(Rows rows, TerritoryForecast forecast) {
        var status = forecast.getStatus();
        rows.row()
                .text("territory", StatusFormat.territory(status))
                .text("territory_name", status.getTerritoryName())
                .text("indicator", status.getIndicator())
                .text("month", status.getMonth())
                .number("actual_percent", StatusFormat.actual(status))
                .number("forecast_percent", forecast.hasForecast() ? StatusFormat.percent(forecast.getForecast()) : "")
                .number("year_target_percent", forecast.hasYearTarget()
                        ? StatusFormat.percent(forecast.getYearTarget()) : "")
                .number("required_pp_per_month", forecast.hasRequiredPpPerMonth()
                        ? StatusFormat.percent(forecast.getRequiredPpPerMonth()) : "")
                .number("needed", forecast.hasNeeded() ? Long.toString(forecast.getNeeded()) : "")
                .text("state", forecast.getState().name().substring("FORECAST_".length()));
    }
}
