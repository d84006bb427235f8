package tsos.monitor.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;

class ActivityOfRegisteredTest {

    @Test
    void active_of_registered_is_found_from_the_definitions_once_per_counts() {
        var pairs = ActivityOfRegistered.in(Catalogue.standard().all());
        assertTrue(pairs.contains(new ActivityOfRegistered(Catalogue.indicator("sferum.teachers_registered"),
                Catalogue.indicator("sferum.teachers_active"))), pairs.toString());
        assertTrue(pairs.stream().noneMatch(pair -> pair.active().code().toString().equals("2.1")));
        // mm.10 counts what sferum.schools_registered counts: one pair, with the first of them in the catalogue
        assertEquals(List.of(Catalogue.indicator("mm.10")), pairs.stream()
                .filter(pair -> pair.active().code().toString().equals("sferum.schools_active"))
                .map(ActivityOfRegistered::registered).toList());
    }

    @Test
    void a_territory_with_none_registered_is_not_registered() {
        assertEquals(Optional.of(ActivityOfRegistered.Standing.NOT_REGISTERED),
                ActivityOfRegistered.standingOf(Optional.of(new Share(0, 18)), Optional.empty()));
    }

    @Test
    void a_territory_registered_with_nobody_active_is_named_inactive() {
        assertEquals(Optional.of(ActivityOfRegistered.Standing.REGISTERED_BUT_INACTIVE),
                ActivityOfRegistered.standingOf(Optional.of(new Share(5, 18)), Optional.of(new Share(0, 5))));
        assertEquals(Optional.of(ActivityOfRegistered.Standing.ACTIVE),
                ActivityOfRegistered.standingOf(Optional.of(new Share(5, 18)), Optional.of(new Share(1, 5))));
    }

    @Test
    void counts_that_do_not_tell_name_nobody() {
        assertEquals(Optional.empty(), ActivityOfRegistered.standingOf(Optional.empty(), Optional.empty()));
        assertEquals(Optional.empty(), ActivityOfRegistered.standingOf(Optional.of(new Share(20, 18)), Optional.empty()));
        assertEquals(Optional.empty(), ActivityOfRegistered.standingOf(Optional.of(new Share(5, 18)), Optional.empty()));
    }
}
