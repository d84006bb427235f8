package tsos.monitor.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tsos.monitor.application.SetMonthlyPlans;
import tsos.monitor.application.WriteResult;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.SubmittedPlan;
import tsos.monitor.domain.port.CatalogueSource;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryReference;

/**
 * Two administrators setting the same plans at once, round after round, through the use case over PostgreSQL:
 * each write is four plans (Kirov 43 and Kostroma 44, indicators 2.1 and 2.3, the year 2044), listed by the two
 * writers in opposite orders of regions. Longer: {@code -Dtsos.faults.planRounds=N}.
 */
class ConcurrentPlanWritersTest {

    private static final int ROUNDS = Integer.getInteger("tsos.faults.planRounds", 200);
    private static final Year YEAR = Year.of(2044);
    private static final List<TerritoryCode> REGIONS = List.of(TerritoryCode.region("43"), TerritoryCode.region("44"));
    private static final List<IndicatorCode> INDICATORS = List.of(new IndicatorCode("2.1"), new IndicatorCode("2.3"));

    private final PlanStore plans = PostgresAdapters.bean(PlanStore.class);
    private final RegionRevisions revisions = PostgresAdapters.bean(RegionRevisions.class);
    private final SetMonthlyPlans setMonthlyPlans = new SetMonthlyPlans(
            PostgresAdapters.bean(CatalogueSource.class).load(), PostgresAdapters.bean(TerritoryDirectory.class),
            plans, PostgresAdapters.bean(Transactions.class), revisions);

    /** A writer's plans of a round: every month a percent of its own, so that any two rows tell whose they are. */
    private static List<MonthlyPlan> plansOf(int writer, int round) {
        List<TerritoryCode> regions = writer == 0 ? REGIONS : List.of(REGIONS.get(1), REGIONS.get(0));
        return regions.stream().flatMap(region -> INDICATORS.stream().map(indicator -> new MonthlyPlan(indicator,
                region, YEAR, IntStream.rangeClosed(1, 12).mapToObj(month -> Optional.of(Percent.of(
                        String.format("%d.%02d", 10 + 40 * writer + round % 40, month)))).toList()))).toList();
    }

    private static SubmittedPlan submitted(MonthlyPlan plan) {
        return new SubmittedPlan(new TerritoryReference(plan.territory().region(), "", ""), plan.indicator().value(),
                plan.year().getValue(), plan.months());
    }

    private List<MonthlyPlan> stored() {
        List<MonthlyPlan> stored = new ArrayList<>();
        for (TerritoryCode region : REGIONS) {
            var ofYear = plans.plansWithin(region, YEAR);
            INDICATORS.forEach(indicator -> Optional.ofNullable(ofYear.get(indicator))
                    .flatMap(rule -> rule.monthlyPlan(region)).ifPresent(stored::add));
        }
        return stored;
    }

    @Test
    void two_writers_of_the_same_plans_leave_one_writer_s_plans_whole_every_round() throws Exception {
        ListAppender<ILoggingEvent> contention = new ListAppender<>();
        Logger transactionsLog = (Logger) LoggerFactory.getLogger(JdbcTransactions.class);
        Level level = transactionsLog.getLevel();
        transactionsLog.setLevel(Level.INFO); // a transaction run again is logged at INFO
        contention.start();
        transactionsLog.addAppender(contention);
        Map<TerritoryCode, Long> before = revisions.all();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        int acknowledged = 0;
        int mixed = 0;
        int[] won = new int[2];
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<Integer>> writes = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    List<SubmittedPlan> rows = plansOf(writer, round).stream().map(ConcurrentPlanWritersTest::submitted)
                            .toList();
                    writes.add(writers.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return setMonthlyPlans.set(rows).fold(count -> count, refused -> {
                            throw new AssertionError("refused: " + refused);
                        });
                    }));
                }
                for (Future<Integer> write : writes) {
                    assertEquals(4, write.get(60, TimeUnit.SECONDS));
                    acknowledged++;
                }
                List<MonthlyPlan> stored = stored();
                int winner = sameRows(stored, plansOf(0, round)) ? 0 : sameRows(stored, plansOf(1, round)) ? 1 : -1;
                if (winner < 0) {
                    mixed++;
                } else {
                    won[winner]++;
                }
            }
        } finally {
            writers.shutdownNow();
            transactionsLog.detachAppender(contention);
            transactionsLog.setLevel(level);
        }
        long advanced = REGIONS.stream().mapToLong(r -> revisions.of(r) - before.get(r)).min().orElseThrow();
        System.out.printf("plan writers racing: %d rounds, %d writes acknowledged, %d lost, %d mixed; "
                        + "first writer's plans stood %d times, second's %d; transactions run again for contention: %d%n",
                ROUNDS, acknowledged, acknowledged - advanced, mixed, won[0], won[1], contention.list.size());

        assertEquals(0, mixed, "rounds whose plans were neither writer's whole");
        assertEquals(acknowledged, advanced, "every acknowledged write advanced both regions once");
        assertEquals(0, contention.list.size(), "writers of a region take turns; none is a deadlock's victim");
    }

    private static boolean sameRows(List<MonthlyPlan> stored, List<MonthlyPlan> written) {
        return stored.size() == written.size() && stored.containsAll(written);
    }
}
