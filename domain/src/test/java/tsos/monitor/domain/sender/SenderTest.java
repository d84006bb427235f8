package tsos.monitor.domain.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.territory.TerritoryCode;

class SenderTest {

    @Test
    void a_sender_reports_only_for_its_own_regions() {
        Sender khabarovsk = Sender.forRegions("ИС Хабаровского края", Set.of("27"));

        assertTrue(khabarovsk.mayReportFor(TerritoryCode.municipality("27", "08610000")));
        assertFalse(khabarovsk.mayReportFor(TerritoryCode.region("24")));
    }

    @Test
    void a_sender_that_cannot_be_is_refused_naming_the_field_at_fault() {
        assertEquals(Field.Column.SENDER, assertThrows(InvalidSender.class, () -> Sender.forRegions(" ", Set.of("27"))).field());
        assertEquals(Field.Column.REGIONS, assertThrows(InvalidSender.class,
                () -> Sender.forRegions("ИС", Set.of("2x"))).field());
        assertEquals(Field.Column.REGIONS, assertThrows(InvalidSender.class, () -> Sender.forRegions("ИС", Set.of())).field());
    }

    @Test
    void a_sender_is_named_as_organisations_are_with_quotes_commas_and_parentheses() {
        for (String name : Set.of("ГКУ «Региональный центр обработки информации», г. Хабаровск",
                "ООО \"Ромашка\" (ИС № 2)", "«Сетевой город. Образование»", "it@edu27.ru")) {
            assertEquals(name, Sender.forRegions(name, Set.of("27")).name());
        }
    }

    @Test
    void a_sender_s_name_has_no_control_or_invisible_characters_and_no_space_at_either_end() {
        for (String name : Set.of("ИС\u0007", "ИС\u202Eкрая", "ИС\u200Bкрая", "ИС\nкрая", " ИС", "ИС ", "")) {
            assertEquals(Field.Column.SENDER, assertThrows(InvalidSender.class,
                    () -> Sender.forRegions(name, Set.of("27")), name).field());
        }
    }
}
