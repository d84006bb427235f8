package tsos.monitor.application.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.territory.Municipality;
import tsos.monitor.domain.territory.School;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;
import tsos.monitor.domain.territory.TerritoryReference;
import tsos.monitor.domain.territory.TerritoryResolution;

/**
 * What every {@link TerritoryDirectory} does, run against the fake and against PostgreSQL. The directory holds the
 * region 60 (Псковская область); each test registers territories with codes of its own, so that they can share one
 * database.
 */
public abstract class TerritoryDirectoryContract extends PortContract {

    protected static final TerritoryCode PSKOV = TerritoryCode.region("60");

    private void register(Territory... territories) {
        transactions().inTransaction(() -> directory().register(List.of(territories)));
    }

    private static Municipality municipality(String code, String name) {
        return new Municipality(TerritoryCode.municipality("60", code), name);
    }

    @Test
    void a_region_ships_with_the_directory() {
        assertEquals(Optional.of(TerritoryLevel.REGION), directory().find(PSKOV).map(Territory::level));
        assertTrue(directory().regions().stream().anyMatch(region -> region.code().equals(PSKOV)));
    }

    @Test
    void a_registered_municipality_is_found_by_its_code_and_among_its_region_s_children() {
        Municipality pechory = municipality("pechory", "Печорский район");
        register(pechory);

        assertEquals(Optional.of(pechory), directory().find(pechory.code()));
        assertTrue(directory().children(PSKOV).contains(pechory));
        assertTrue(directory().within(PSKOV).contains(pechory));
    }

    @Test
    void a_school_is_a_child_of_its_municipality_and_within_its_region() {
        Municipality ostrov = municipality("ostrov", "Островский район");
        School school = new School(TerritoryCode.school("60", "ostrov", "1"), "Средняя школа № 1");
        register(ostrov, school);

        assertEquals(List.of(school), directory().children(ostrov.code()));
        assertTrue(directory().within(PSKOV).containsAll(List.of(ostrov, school)));
        assertTrue(directory().children(PSKOV).stream().noneMatch(t -> t.level() == TerritoryLevel.SCHOOL));
    }

    @Test
    void registering_a_known_code_again_renames_it() {
        register(municipality("porkhov", "Порховский район"));
        register(municipality("porkhov", "Порховский муниципальный округ"));

        assertEquals("Порховский муниципальный округ",
                directory().find(TerritoryCode.municipality("60", "porkhov")).orElseThrow().name());
    }

    @Test
    void a_region_s_territories_come_the_region_first_then_in_the_order_of_their_codes() {
        register(municipality("order-b", "Второй"), municipality("order-a", "Первый"));
        register(new School(TerritoryCode.school("60", "order-a", "2"), "Школа 2"),
                new School(TerritoryCode.school("60", "order-a", "1"), "Школа 1"));

        List<Territory> ofRegion = directory().ofRegion(PSKOV);
        assertEquals(PSKOV, ofRegion.get(0).code());
        assertEquals(List.of("60/order-a", "60/order-a/1", "60/order-a/2", "60/order-b"), ofRegion.stream()
                .map(t -> t.code().toString()).filter(code -> code.startsWith("60/order-")).toList());
    }

    @Test
    void a_region_that_is_not_there_has_no_territories() {
        assertEquals(List.of(), directory().ofRegion(TerritoryCode.region("88")));
        assertEquals(Optional.empty(), directory().find(TerritoryCode.region("88")));
    }

    @Test
    void the_domain_s_resolution_over_it_finds_a_municipality_by_its_name_in_any_case() {
        register(municipality("velikie-luki", "г. Великие Луки"));

        assertEquals(Optional.of(TerritoryCode.municipality("60", "velikie-luki")),
                TerritoryResolution.over(directory()).resolve(new TerritoryReference("60", " Г. ВЕЛИКИЕ ЛУКИ", ""))
                        .fold(found -> Optional.of(found.code()), notFound -> Optional.empty()));
    }
}
