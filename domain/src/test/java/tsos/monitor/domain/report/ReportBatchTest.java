package tsos.monitor.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;

class ReportBatchTest {

    @Test
    void the_same_content_has_the_same_fingerprint_whatever_the_order_of_its_counts() {
        Map<String, Long> forwards = new LinkedHashMap<>();
        forwards.put("students_with_access", 1L);
        forwards.put("students_total", 10L);
        Map<String, Long> backwards = new LinkedHashMap<>();
        backwards.put("students_total", 10L);
        backwards.put("students_with_access", 1L);

        assertEquals(
                Reports.batch("a", Reports.row(Territories.amurskyDistrict(), "2023-W08", forwards)).fingerprint(),
                Reports.batch("b", Reports.row(Territories.amurskyDistrict(), "2023-W08", backwards)).fingerprint());
    }

    @Test
    void another_count_another_territory_or_another_period_is_another_fingerprint() {
        String original = Reports.batch("a", Reports.row(Territories.amurskyDistrict(), "2023-W08",
                Reports.counts("students_total", 10L))).fingerprint();

        assertNotEquals(original, Reports.batch("a", Reports.row(Territories.amurskyDistrict(), "2023-W08",
                Reports.counts("students_total", 11L))).fingerprint());
        assertNotEquals(original, Reports.batch("a", Reports.row(Territories.vaninskyDistrict(), "2023-W08",
                Reports.counts("students_total", 10L))).fingerprint());
        assertNotEquals(original, Reports.batch("a", Reports.row(Territories.amurskyDistrict(), "2023-W09",
                Reports.counts("students_total", 10L))).fingerprint());
    }

    @Test
    void the_idempotency_key_is_stripped() {
        assertEquals("k1", Reports.batch("  k1 ").idempotencyKey());
    }
}
