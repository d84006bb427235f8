package tsos.monitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void a_count_of_a_row_is_written_and_read_back_with_its_list_row_and_metric() {
        FieldPath path = FieldPath.ofRow("reports", 3, FieldPath.count("students_total"));

        assertEquals("reports[3].counts.students_total", path.text());
        assertEquals(path, FieldPath.parse(path.text()));
        assertEquals(Optional.of("students_total"), FieldPath.parse(path.text()).metric());
    }

    @Test
    void a_month_of_a_plan_is_numbered_from_january() {
        FieldPath path = FieldPath.parse("plans[0]." + FieldPath.month(4));

        assertEquals("plans", path.list());
        assertEquals(OptionalInt.of(4), path.month());
        assertEquals(Optional.empty(), path.metric());
    }

    @Test
    void a_field_of_the_request_itself_is_in_no_row() {
        FieldPath path = FieldPath.parse("idempotency_key");

        assertFalse(path.inRow());
        assertEquals(FieldPath.of("idempotency_key"), path);
        assertFalse(FieldPath.parse("reports[99999999999].period").inRow(), "a row number no list can have");
    }
}
