package tsos.monitor.domain.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerritoryCodeTest {

    private static final TerritoryCode KHABAROVSK = TerritoryCode.region("27");
    private static final TerritoryCode AMURSKY = TerritoryCode.municipality("27", "08603000");
    private static final TerritoryCode AMURSKY_SCHOOL = TerritoryCode.school("27", "08603000", "1234");

    @Test
    void a_code_is_parsed_from_the_form_it_is_written_in() {
        assertEquals(KHABAROVSK, TerritoryCode.parse("27"));
        assertEquals(AMURSKY, TerritoryCode.parse("27/08603000"));
        assertEquals(AMURSKY_SCHOOL, TerritoryCode.parse("27/08603000/1234"));
        assertEquals("27/08603000/1234", AMURSKY_SCHOOL.toString());
    }

    @Test
    void the_level_of_a_code_is_how_many_parts_it_has() {
        assertEquals(TerritoryLevel.REGION, KHABAROVSK.level());
        assertEquals(TerritoryLevel.MUNICIPALITY, AMURSKY.level());
        assertEquals(TerritoryLevel.SCHOOL, AMURSKY_SCHOOL.level());
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "7", "270", "ab", "27/08603000/1234/5", "27//1234"})
    void a_malformed_code_is_refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> TerritoryCode.parse(text));
    }

    @Test
    void a_part_with_a_control_character_or_too_long_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> TerritoryCode.municipality("27", "0860\n3000"));
        assertThrows(IllegalArgumentException.class, () -> TerritoryCode.municipality("27", "x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> TerritoryCode.municipality("27", " "));
        assertThrows(IllegalArgumentException.class, () -> TerritoryCode.school("27", "08603000", ""));
    }

    @Test
    void the_parent_of_a_school_is_its_municipality_and_of_a_municipality_its_region() {
        assertEquals(Optional.of(AMURSKY), AMURSKY_SCHOOL.parent());
        assertEquals(Optional.of(KHABAROVSK), AMURSKY.parent());
        assertEquals(Optional.empty(), KHABAROVSK.parent());
    }

    @Test
    void a_region_is_the_ancestor_of_its_municipalities_and_their_schools() {
        assertTrue(KHABAROVSK.isAncestorOf(AMURSKY));
        assertTrue(KHABAROVSK.isAncestorOf(AMURSKY_SCHOOL));
        assertTrue(AMURSKY.isAncestorOf(AMURSKY_SCHOOL));
    }

    @Test
    void no_code_is_its_own_ancestor_nor_its_descendant_s() {
        assertFalse(KHABAROVSK.isAncestorOf(KHABAROVSK));
        assertFalse(AMURSKY.isAncestorOf(KHABAROVSK));
        assertFalse(AMURSKY_SCHOOL.isAncestorOf(AMURSKY));
    }

    @Test
    void a_region_is_not_the_ancestor_of_another_region_s_municipalities() {
        assertFalse(TerritoryCode.region("24").isAncestorOf(AMURSKY));
        assertFalse(TerritoryCode.municipality("27", "08612000").isAncestorOf(AMURSKY_SCHOOL));
        // the same municipality code in another region is another municipality
        assertFalse(KHABAROVSK.isAncestorOf(TerritoryCode.municipality("24", "08603000")));
    }

    @Test
    void truncating_a_code_gives_its_ancestor_at_that_level() {
        assertEquals(KHABAROVSK, AMURSKY_SCHOOL.truncatedTo(TerritoryLevel.REGION));
        assertEquals(AMURSKY, AMURSKY_SCHOOL.truncatedTo(TerritoryLevel.MUNICIPALITY));
        assertEquals(KHABAROVSK, AMURSKY_SCHOOL.regionCode());
    }

    @Test
    void a_territory_is_made_for_the_level_of_its_code() {
        assertInstanceOf(Region.class, Territory.of(KHABAROVSK, "Хабаровский край"));
        assertInstanceOf(Municipality.class, Territory.of(AMURSKY, "Амурский район"));
        assertInstanceOf(School.class, Territory.of(AMURSKY_SCHOOL, "Школа 1234"));
        assertThrows(IllegalArgumentException.class, () -> new Region(AMURSKY, "Амурский район"));
    }

    @Test
    void a_territory_name_is_stripped_and_without_control_characters() {
        assertEquals("Амурский район", Territory.of(AMURSKY, "  Амурский район ").name());
        assertThrows(IllegalArgumentException.class, () -> Territory.of(AMURSKY, "Амурский\nрайон"));
        assertThrows(IllegalArgumentException.class, () -> Territory.of(AMURSKY, " "));
    }

    @Test
    void a_reference_names_the_same_territory_as_its_code() {
        assertEquals(new TerritoryReference("27", "08603000", ""), TerritoryReference.of(AMURSKY));
        assertEquals("27/08603000", TerritoryReference.of(AMURSKY).toString());
    }
}
