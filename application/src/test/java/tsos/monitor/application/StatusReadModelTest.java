package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Plans;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.status.IndicatorState;
import tsos.monitor.domain.territory.TerritoryCode;

class StatusReadModelTest {

    private static final TerritoryCode KRASNOYARSK = Territories.krasnoyarskKrai().code();
    private static final TerritoryCode KHABAROVSK = Territories.khabarovskKrai().code();

    private final Fakes fakes = new Fakes();
    private final SubmitReports submitReports = fakes.submitReports();
    private boolean krasnoyarskUnreadable;
    /** The store, with Krasnoyarsk's data unreadable on demand: a fault no stored value can cause any more. */
    private final ReportStore store = (ReportStore) Proxy.newProxyInstance(ReportStore.class.getClassLoader(),
            new Class<?>[] {ReportStore.class}, (proxy, method, args) -> {
                if (krasnoyarskUnreadable && args != null && args.length > 0 && KRASNOYARSK.equals(args[0])) {
                    throw new IllegalArgumentException("a month between 2000 and 2100, not 2101-01");
                }
                try {
                    return method.invoke(fakes.reports, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final List<TerritoryCode> failed = new ArrayList<>();
    private final StatusReadModel model = fakes.statusReadModel(fakes.statusQueries(store), store,
            new ReadModelObserver() {
                @Override
                public void regionRefreshed(TerritoryCode region) {
                }

                @Override
                public void regionFailed(TerritoryCode region, RuntimeException cause) {
                    failed.add(region);
                }
            }, "2024-10-15T00:00:00Z");

    @BeforeEach
    void khabarovsk_and_krasnoyarsk_reported() {
        fakes.transactions.inTransaction(() -> {
            fakes.plans.saveMonthlyPlans(Plans.khabarovsk2022());
            return null;
        });
        Writes.done(submitReports.submit(Reports.khabarovsk2022()));
        Writes.done(submitReports.submit(Reports.batch("krasnoyarsk",
                Reports.row(Territories.krasnoyarskKrai(), "2024-09", Reports.counts("students_with_access", 4850L,
                        "students_total", 10000L)))));
    }

    @Test
    void the_model_is_loaded_only_once_every_region_was_read_even_one_that_failed() {
        krasnoyarskUnreadable = true;
        assertFalse(model.loaded());

        model.refreshAll();

        assertTrue(model.loaded());
        assertEquals(List.of(KRASNOYARSK), failed);
    }

    @Test
    void a_region_that_cannot_be_read_keeps_its_last_statuses_while_the_others_refresh() {
        model.refreshAll();
        var krasnoyarskBefore = statusesOf(KRASNOYARSK);
        krasnoyarskUnreadable = true;
        Writes.done(submitReports.submit(Reports.batch("khabarovsk-december",
                Reports.row(Territories.khabarovskKrai(), "2022-12", Reports.counts("students_with_access", 12000L,
                        "students_total", 148870L)))));

        model.refreshAll();

        assertEquals(krasnoyarskBefore, statusesOf(KRASNOYARSK));
        assertFalse(krasnoyarskBefore.isEmpty());
        assertTrue(model.current().stream().anyMatch(s -> s.status().territory().code().equals(KHABAROVSK)
                && s.status().indicator().code().value().equals("2.1")
                && s.status().month().equals(Month.of(2022, 12))), "Khabarovsk refreshed to December");
    }

    @Test
    void every_expected_municipality_has_a_status_of_the_region_s_month_the_silent_with_no_data() {
        model.refreshAll();

        var amursky21 = model.current().stream().filter(s -> s.status().territory().equals(
                Territories.amurskyDistrict()) && s.status().indicator().code().value().equals("2.1")).findFirst();

        assertTrue(amursky21.isPresent(), "Амурский район is expected: its region fakes.reports 2.1");
        assertEquals(IndicatorState.NO_DATA, amursky21.get().status().state());
        assertEquals(Month.of(2022, 11), amursky21.get().status().month());
        assertFalse(amursky21.get().reported());
        assertEquals(Optional.empty(), amursky21.get().lastPeriodEnd());
    }

    private List<StatusReadModel.CurrentStatus> statusesOf(TerritoryCode region) {
        return model.current().stream().filter(s -> s.status().territory().code().regionCode().equals(region))
                .toList();
    }
}
