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

    /** The digest of the first version's text, written out: a change of the text shows here. */
    @Test
    void the_fingerprint_is_the_first_version_s_so_a_batch_stored_before_an_upgrade_is_still_recognised() {
        ReportBatch batch = Reports.batch("a",
                Reports.row(Territories.amurskyDistrict(), "2023-W08",
                        Reports.counts("students_with_access", 1L, "students_total", 10L)),
                Reports.row(Territories.vaninskyDistrict(), "2023-02", Reports.counts("teachers_total", 7L)));

        // SHA-256 of "27/08603000\t2023-W08\t{students_total=10, students_with_access=1}\n27/08612000\t2023-02\t{teachers_total=7}\n"
        assertEquals("9c0f3fe1c35a7332336e298446d23a4586f060182e94cfb698060d918645a3da", batch.fingerprint());
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
