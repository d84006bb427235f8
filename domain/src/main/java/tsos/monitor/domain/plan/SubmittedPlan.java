package tsos.monitor.domain.plan;

import java.util.List;
import java.util.Optional;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.territory.TerritoryReference;

/** A row of monthly plans as an administrator wrote it, before validation: a percent (or none) per month. */
public record SubmittedPlan(TerritoryReference territory, String indicator, int year, List<Optional<Percent>> months) {

    public SubmittedPlan {
        months = List.copyOf(months);
    }
}
