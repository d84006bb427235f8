package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tsos.monitor.application.Writes.at;
import static tsos.monitor.application.Writes.refused;
import static tsos.monitor.application.Writes.stored;

import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.fakes.InMemoryPlanStore;
import tsos.monitor.application.fakes.InMemoryRegionRevisions;
import tsos.monitor.application.fakes.InMemoryTerritoryDirectory;
import tsos.monitor.application.fakes.InMemoryTransactions;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.plan.SubmittedQuota;
import tsos.monitor.domain.refusal.Field.Column;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryReference;

class SetQuotasTest {

    private static final TerritoryReference AMURSKY_BY_NAME = new TerritoryReference("27", "Амурский район", "");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryPlanStore plans = new InMemoryPlanStore(transactions);
    private final SetQuotas setQuotas = new SetQuotas(Catalogue.standard(), InMemoryTerritoryDirectory.standard(),
            plans, transactions, new InMemoryRegionRevisions(transactions));

    @Test
    void quotas_of_municipalities_named_by_name_are_stored() {
        var result = setQuotas.set(List.of(new SubmittedQuota(AMURSKY_BY_NAME, "2.3", 2022, 2),
                new SubmittedQuota(new TerritoryReference("27", "г. Комсомольск-на-Амуре", ""), "2.3", 2022, 4)));

        assertEquals(2, stored(result));
        var quota = plans.plansWithin(TerritoryCode.region("27"), Year.of(2022)).get(new IndicatorCode("2.3"))
                .quota(Territories.amurskyDistrict().code()).orElseThrow();
        assertEquals(2, quota.count());
    }

    @Test
    void a_quota_row_with_an_unknown_indicator_and_a_negative_quota_names_both() {
        var result = setQuotas.set(List.of(new SubmittedQuota(AMURSKY_BY_NAME, "9.9", 2022, -2)));

        assertEquals(List.of(at(0, Column.INDICATOR), at(0, Column.QUOTA)), refused(result));
    }

    @Test
    void a_negative_quota_is_refused_naming_the_field_quota() {
        var result = setQuotas.set(List.of(new SubmittedQuota(AMURSKY_BY_NAME, "2.3", 2022, -2)));

        assertEquals(List.of(at(0, Column.QUOTA)), refused(result));
        assertTrue(plans.isEmpty());
    }
}
