package tsos.monitor.domain.plan;

import tsos.monitor.domain.territory.TerritoryReference;

/** A row of quotas as an administrator wrote it, before validation. */
public record SubmittedQuota(TerritoryReference territory, String indicator, int year, long quota) {
}
