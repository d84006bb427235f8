package tsos.monitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.YearOutlookGrpc;
import tsos.monitor.api.v1.YearPlanRequest;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "The year plan read back: for each indicator with a plan, each of the 12 months with its plan "
                + "percent (or quota), whose plan applied (own or the region's) and the actual percent where there "
                + "is data.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    ServiceCall call;

    @Mixin
    TerritoryOptions territory;

    @Option(names = "--year", required = true, description = "The plans' year, such as 2024.")
    int year;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    StatusFormat format;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> {
            Rows rows = new Rows("territory", "indicator", "month", "plan_percent", "quota", "plan_source",
                    "numerator", "denominator", "actual_percent", "state");
            YearOutlookGrpc.newBlockingStub(channel)
                    .getYearPlan(YearPlanRequest.newBuilder().setTerritory(territory.ref()).setYear(year).build())
                    .getStatusesList().forEach(status -> rows.row()
                            .text("territory", StatusFormat.territory(status))
                            .text("indicator", status.getIndicator())
                            .text("month", status.getMonth())
                            .number("plan_percent", StatusFormat.plan(status))
                            .number("quota", status.hasQuota() ? Long.toString(status.getQuota()) : "")
                            .text("plan_source", StatusFormat.planSource(status))
                            .number("numerator", status.hasActual() ? Long.toString(status.getNumerator()) : "")
                            .number("denominator", status.hasActual() ? Long.toString(status.getDenominator()) : "")
                            .number("actual_percent", StatusFormat.actual(status))
                            .text("state", status.getState().name()));
            return rows.render(format);
        });
    }
}
