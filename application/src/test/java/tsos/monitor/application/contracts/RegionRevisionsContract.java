package tsos.monitor.application.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * What every {@link RegionRevisions} does, run against the fake and against PostgreSQL: Vologda (35), Voronezh (36)
 * and Ivanovo (37) oblasts, compared before and after, so that the tests can share one database. That writers of a
 * region wait for one another is PostgreSQL's alone (see PostgresRegionRevisionsTest).
 */
public abstract class RegionRevisionsContract extends PortContract {

    private static final TerritoryCode VOLOGDA = TerritoryCode.region("35");
    private static final TerritoryCode VORONEZH = TerritoryCode.region("36");
    private static final TerritoryCode IVANOVO = TerritoryCode.region("37");

    private void advance(Set<TerritoryCode> regions) {
        transactions().inTransaction(() -> {
            revisions().advance(regions);
            return null;
        });
    }

    @Test
    void an_advance_grows_the_named_regions_and_no_other() {
        advance(Set.of(IVANOVO)); // a revision of its own, that an advance of every region known would move
        long vologda = revisions().of(VOLOGDA);
        long voronezh = revisions().of(VORONEZH);
        long ivanovo = revisions().of(IVANOVO);

        advance(Set.of(VOLOGDA, VORONEZH));

        assertEquals(vologda + 1, revisions().of(VOLOGDA));
        assertEquals(voronezh + 1, revisions().of(VORONEZH));
        assertEquals(ivanovo, revisions().of(IVANOVO));
    }

    @Test
    void every_change_advances_the_region_again() {
        long before = revisions().of(IVANOVO);

        advance(Set.of(IVANOVO));
        advance(Set.of(IVANOVO));

        assertEquals(before + 2, revisions().of(IVANOVO));
    }

    @Test
    void a_region_that_is_not_there_is_at_revision_zero() {
        TerritoryCode none = TerritoryCode.region("88");

        assertEquals(0L, revisions().of(none));
        assertEquals(0L, revisions().all().getOrDefault(none, 0L));
    }

    @Test
    void all_gives_each_region_the_revision_of_gives_it() {
        advance(Set.of(VOLOGDA));

        Map<TerritoryCode, Long> all = revisions().all();

        assertEquals(revisions().of(VOLOGDA), all.get(VOLOGDA));
        all.forEach((region, revision) -> assertEquals(revisions().of(region), revision, region.toString()));
    }

    @Test
    void an_advance_in_a_transaction_that_fails_is_undone_with_it() {
        long vologda = revisions().of(VOLOGDA);
        long voronezh = revisions().of(VORONEZH);

        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            revisions().advance(Set.of(VOLOGDA, VORONEZH));
            throw new IllegalStateException("the change fails after advancing");
        }));

        assertEquals(vologda, revisions().of(VOLOGDA));
        assertEquals(voronezh, revisions().all().getOrDefault(VORONEZH, 0L));
    }
}
