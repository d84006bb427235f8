package tsos.monitor.domain.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Territories;

class TerritoryResolutionTest {

    private static final Municipality AMURSKY = Territories.amurskyDistrict();
    private static final School SCHOOL = Territories.school(AMURSKY, "1234");
    private static final TerritoryLookup LOOKUP = Territories.lookupOf(Territories.khabarovskKrai(), AMURSKY,
            Territories.vaninskyDistrict(), SCHOOL);

    private static String found(TerritoryReference reference) {
        return LOOKUP.resolve(reference).fold(territory -> territory.code().toString(),
                notFound -> notFound.field().word() + " not found");
    }

    @Test
    void a_municipality_s_name_is_the_same_whatever_its_case_and_the_spaces_around_it() {
        assertEquals(MunicipalityName.of("Амурский район"), MunicipalityName.of("  амурский РАЙОН "));
        assertNotEquals(MunicipalityName.of("Амурский район"), MunicipalityName.of("Амурский  район"));
        assertEquals("27/08603000", found(new TerritoryReference("27", " амурский РАЙОН", "")));
    }

    @Test
    void ye_and_yo_are_different_letters_in_a_name() {
        assertNotEquals(MunicipalityName.of("Озёрный"), MunicipalityName.of("Озерный"));
    }

    @Test
    void a_municipality_is_found_by_its_code_before_its_name() {
        Municipality namedLikeACode = new Municipality(TerritoryCode.municipality("27", "x"), "08603000");
        TerritoryLookup lookup = Territories.lookupOf(Territories.khabarovskKrai(), AMURSKY, namedLikeACode);
        assertEquals(AMURSKY, lookup.resolve(new TerritoryReference("27", "08603000", ""))
                .fold(territory -> territory, notFound -> null));
    }

    @Test
    void a_school_is_found_by_its_code_within_its_municipality_named_either_way() {
        assertEquals("27/08603000/1234", found(new TerritoryReference("27", "Амурский район", "1234")));
        assertEquals("27/08603000/1234", found(new TerritoryReference("27", "08603000", "1234")));
        assertEquals("school not found", found(new TerritoryReference("27", "Ванинский район", "1234")));
    }

    @Test
    void the_part_of_the_reference_at_fault_is_named() {
        assertEquals("region not found", found(new TerritoryReference("2", "", "")));
        assertEquals("region not found", found(new TerritoryReference("24", "", "")));
        assertEquals("municipality not found", found(new TerritoryReference("27", "Охотский район", "")));
        assertEquals("municipality not found", found(new TerritoryReference("27", "", "1234")));
        assertEquals("school not found", found(new TerritoryReference("27", "08603000", "a/b")));
        assertEquals("27", found(new TerritoryReference(" 27 ", "", "")));
    }
}
