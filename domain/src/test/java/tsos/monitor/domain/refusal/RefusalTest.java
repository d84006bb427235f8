package tsos.monitor.domain.refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.refusal.Field.Column;
import tsos.monitor.domain.refusal.Refusal.Ground;
import tsos.monitor.domain.refusal.Refusal.Rows;

class RefusalTest {

    private static final Violation BAD_SCHOOL = new Violation(0, Column.SCHOOL, "no school");
    private static final Violation BAD_MUNICIPALITY = new Violation(3, Column.NAME, "no name");

    @Test
    void the_violations_of_a_write_come_list_by_list_in_the_order_of_its_lists_whatever_order_they_were_given() {
        Map<Rows, List<Violation>> schoolsFirst = new LinkedHashMap<>();
        schoolsFirst.put(Rows.SCHOOLS, List.of(BAD_SCHOOL));
        schoolsFirst.put(Rows.MUNICIPALITIES, List.of(BAD_MUNICIPALITY));

        Refusal refusal = new Refusal(Ground.INVALID, schoolsFirst);

        assertEquals(List.of(BAD_MUNICIPALITY, BAD_SCHOOL), refusal.all());
        assertEquals(List.of(Rows.MUNICIPALITIES, Rows.SCHOOLS), List.copyOf(refusal.violations().keySet()));
    }

    @Test
    void a_list_without_violations_is_not_named_and_a_refusal_without_any_cannot_be() {
        Refusal refusal = new Refusal(Ground.INVALID, Map.of(Rows.MUNICIPALITIES, List.of(),
                Rows.SCHOOLS, List.of(BAD_SCHOOL)));

        assertEquals(Map.of(Rows.SCHOOLS, List.of(BAD_SCHOOL)), refusal.violations());
        assertThrows(IllegalArgumentException.class, () -> Refusal.of(Ground.FORBIDDEN, Rows.REPORTS, List.of()));
    }
}
