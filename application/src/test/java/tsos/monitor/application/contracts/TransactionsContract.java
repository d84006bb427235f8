package tsos.monitor.application.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * What every {@link Transactions} does, run against the fake and against PostgreSQL, seen through two stores that
 * write in it: region 38 (Иркутская область), each test planning a year of its own so that they can share one
 * database. The port promises nothing about a transaction opened inside another, so nothing is asked of it here.
 */
public abstract class TransactionsContract extends PortContract {

    private static final TerritoryCode IRKUTSK = TerritoryCode.region("38");
    private static final IndicatorCode STUDENTS = new IndicatorCode("2.1");

    private void writePlanAndAdvance(Year year) {
        revisions().advance(Set.of(IRKUTSK));
        plans().saveMonthlyPlans(List.of(MonthlyPlan.constant(STUDENTS, IRKUTSK, year, Percent.of("40"))));
    }

    private boolean planned(Year year) {
        return plans().plansWithin(IRKUTSK, year).containsKey(STUDENTS);
    }

    @Test
    void what_the_work_returns_comes_back() {
        assertEquals("stored", transactions().inTransaction(() -> "stored"));
    }

    @Test
    void what_the_work_writes_is_kept_once_it_returns() {
        long revision = revisions().of(IRKUTSK);

        transactions().inTransaction(() -> {
            writePlanAndAdvance(Year.of(2041));
            return null;
        });

        assertTrue(planned(Year.of(2041)));
        assertEquals(revision + 1, revisions().of(IRKUTSK));
    }

    @Test
    void work_that_throws_leaves_nothing_written_and_its_exception_reaches_the_caller() {
        long revision = revisions().of(IRKUTSK);
        IllegalStateException failure = new IllegalStateException("the last row is refused after the others");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions().inTransaction(
                () -> {
                    writePlanAndAdvance(Year.of(2042));
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertFalse(planned(Year.of(2042)));
        assertEquals(revision, revisions().of(IRKUTSK));
    }

    @Test
    void a_transaction_after_one_that_failed_writes_as_usual() {
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            writePlanAndAdvance(Year.of(2043));
            throw new IllegalStateException("fails");
        }));

        transactions().inTransaction(() -> {
            writePlanAndAdvance(Year.of(2043));
            return null;
        });

        assertTrue(planned(Year.of(2043)));
    }
}
