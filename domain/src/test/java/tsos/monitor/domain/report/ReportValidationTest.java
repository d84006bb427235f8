package tsos.monitor.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.refusal.Field.Column;
import tsos.monitor.domain.refusal.Refusal.Ground;
import tsos.monitor.domain.refusal.Refusal.Rows;
import tsos.monitor.domain.refusal.Validated;
import tsos.monitor.domain.refusal.Violation;
import tsos.monitor.domain.territory.TerritoryLookup;
import tsos.monitor.domain.territory.TerritoryReference;

class ReportValidationTest {

    private static final Territory KHABAROVSK = Territories.khabarovskKrai();
    private static final Territory AMURSKY = Territories.amurskyDistrict();
    private static final Territory VANINO = Territories.vaninskyDistrict();

    /** The fake directory: Khabarovsk Krai, and Амурский район by code or name; nothing else. */
    private static final TerritoryLookup LOOKUP = reference -> {
        if (!reference.region().equals("27")) {
            return new TerritoryLookup.NotFound(Column.REGION, "no region " + reference.region());
        }
        return switch (reference.municipality()) {
            case "" -> new TerritoryLookup.Found(KHABAROVSK);
            case "08603000", "Амурский район" -> new TerritoryLookup.Found(AMURSKY);
            case "08612000" -> new TerritoryLookup.Found(VANINO);
            default -> new TerritoryLookup.NotFound(Column.MUNICIPALITY, "no municipality " + reference.municipality());
        };
    };

    private final ReportValidation validation = new ReportValidation(Catalogue.standard(), LOOKUP, 5);

    private static Map<String, Long> students(long withAccess, long total) {
        return Reports.counts("students_with_access", withAccess, "students_total", total);
    }

    private record RowField(int row, Field at) {
    }

    private static RowField at(int row, Field field) {
        return new RowField(row, field);
    }

    private static List<RowField> rowsAndFields(Validated<ValidReports> outcome) {
        return violations(outcome).stream().map(v -> at(v.row(), v.at())).toList();
    }

    private static List<Violation> violations(Validated<ValidReports> outcome) {
        return outcome.fold(valid -> fail("valid, not refused: " + valid), refusal -> {
            assertEquals(Ground.INVALID, refusal.ground());
            assertEquals(Set.of(Rows.REPORTS), refusal.violations().keySet());
            return refusal.all();
        });
    }

    private static ValidReports valid(Validated<ValidReports> outcome) {
        return outcome.fold(valid -> valid, refusal -> fail("refused: " + refusal));
    }

    @Test
    void a_well_formed_batch_is_valid_with_its_territories_periods_and_counts() {
        var batch = Reports.batch("k1",
                Reports.row(KHABAROVSK, "2022-11", Reports.khabarovsk2022Counts()),
                Reports.row(new TerritoryReference("27", "Амурский район", ""), "2022-11", students(100, 1_000)));

        var valid = valid(validation.validate(batch));

        assertEquals(2, valid.reports().size());
        assertEquals(new TerritoryReport(KHABAROVSK, Month.of(2022, 11), Counts.of(Reports.khabarovsk2022Counts())),
                valid.reports().get(0));
        assertEquals(AMURSKY, valid.reports().get(1).territory());
        assertEquals(List.of(), valid.warnings());
    }

    @Test
    void a_batch_with_one_malformed_row_is_refused_naming_that_row_and_field() {
        var batch = Reports.batch("k1",
                Reports.row(KHABAROVSK, "2022-11", students(1, 10)),
                Reports.row(AMURSKY, "2022-13", students(1, 10)),
                Reports.row(VANINO, "2022-11", students(1, 10)));

        Validated<ValidReports> outcome = validation.validate(batch);

        assertEquals(List.of(at(1, Column.PERIOD)), rowsAndFields(outcome));
        Violation violation = violations(outcome).get(0);
        assertTrue(violation.reason().contains("2022-13"), violation.reason());
    }

    @Test
    void every_bad_row_and_field_of_a_batch_is_named() {
        var batch = Reports.batch("k1",
                Reports.row(new TerritoryReference("99", "", ""), "2022-11", students(1, 10)),
                Reports.row(KHABAROVSK, "2022-11", Reports.counts("foo", 1L, "students_total", 10L)),
                Reports.row(AMURSKY, "2022-11", students(1, -10)),
                Reports.row(VANINO, "2023/02", students(1, 10)),
                Reports.row(new TerritoryReference("27", "Нет такого района", ""), "2022-W54",
                        Reports.counts("students_total", -1L, "bar", 2L)));

        assertEquals(List.of(at(0, Column.REGION), at(1, new Field.Count("foo")),
                        at(2, new Field.Count("students_total")), at(3, Column.PERIOD), at(4, Column.MUNICIPALITY),
                        at(4, Column.PERIOD), at(4, new Field.Count("bar")), at(4, new Field.Count("students_total"))),
                rowsAndFields(validation.validate(batch)));
    }

    @Test
    void a_metric_name_that_is_not_snake_case_is_named_with_its_control_characters_made_visible() {
        var batch = Reports.batch("k1", Reports.row(KHABAROVSK, "2022-11", Reports.counts("students\ntotal", 1L)));

        assertEquals(List.of(at(0, new Field.Count("students?total"))), rowsAndFields(validation.validate(batch)));
    }

    @Test
    void a_row_without_counts_is_refused() {
        var batch = Reports.batch("k1", Reports.row(KHABAROVSK, "2022-11", Map.of()));

        assertEquals(List.of(at(0, Column.COUNTS)), rowsAndFields(validation.validate(batch)));
    }

    @Test
    void an_empty_idempotency_key_is_refused() {
        for (String key : new String[] {"", "   ", null}) {
            var batch = Reports.batch(key, Reports.row(KHABAROVSK, "2022-11", students(1, 10)));

            assertEquals(List.of(at(Violation.BATCH, Column.IDEMPOTENCY_KEY)), rowsAndFields(validation.validate(batch)),
                    "key '" + key + "'");
        }
    }

    @Test
    void an_idempotency_key_with_control_characters_or_too_long_is_refused() {
        var withNewline = Reports.batch("k\n1", Reports.row(KHABAROVSK, "2022-11", students(1, 10)));
        var tooLong = Reports.batch("k".repeat(129), Reports.row(KHABAROVSK, "2022-11", students(1, 10)));

        assertEquals(List.of(at(Violation.BATCH, Column.IDEMPOTENCY_KEY)),
                rowsAndFields(validation.validate(withNewline)));
        assertEquals(List.of(at(Violation.BATCH, Column.IDEMPOTENCY_KEY)), rowsAndFields(validation.validate(tooLong)));
    }

    @Test
    void an_empty_batch_is_refused() {
        assertEquals(List.of(at(Violation.BATCH, Column.REPORTS)), rowsAndFields(validation.validate(Reports.batch("k1"))));
    }

    @Test
    void a_numerator_above_its_denominator_is_accepted_with_a_warning_naming_the_row_and_both_fields() {
        var batch = Reports.batch("k1",
                Reports.row(KHABAROVSK, "2023-W08", students(1, 10)),
                Reports.row(AMURSKY, "2023-W08", Reports.counts("teachers_in_sferum", 18_013L,
                        "teachers_total", 17_218L)));

        var valid = valid(validation.validate(batch));

        assertEquals(2, valid.reports().size());
        assertEquals(1, valid.warnings().size());
        ReportWarning warning = valid.warnings().get(0);
        assertEquals(1, warning.row());
        assertEquals(List.of("teachers_in_sferum", "teachers_total"), warning.fields());
        assertTrue(warning.message().contains("18013") && warning.message().contains("17218"), warning.message());
    }

    @Test
    void a_school_rule_count_above_its_whole_is_warned_about_too() {
        var batch = Reports.batch("k1", Reports.row(AMURSKY, "2023-W08", Reports.counts(
                "teachers_with_access", 60L, "teachers_total", 50L)));

        var valid = valid(validation.validate(batch));

        assertEquals(List.of(List.of("teachers_with_access", "teachers_total")),
                valid.warnings().stream().map(ReportWarning::fields).toList());
    }

    @Test
    void every_contradiction_of_a_row_is_warned_about() {
        var batch = Reports.batch("k1", Reports.row(AMURSKY, "2023-W08", Reports.counts(
                "schools_total", 10L, "schools_in_sferum", 11L, "schools_active_in_sferum", 12L)));

        var valid = valid(validation.validate(batch));

        assertEquals(Set.of(List.of("schools_in_sferum", "schools_total"),
                        List.of("schools_active_in_sferum", "schools_in_sferum")),
                valid.warnings().stream().map(ReportWarning::fields).collect(Collectors.toSet()));
    }

    @Test
    void the_same_territory_and_period_twice_in_one_batch_is_refused() {
        var batch = Reports.batch("k1",
                Reports.row(AMURSKY, "2023-W08", students(1, 10)),
                Reports.row(VANINO, "2023-W08", students(1, 10)),
                Reports.row(new TerritoryReference("27", "Амурский район", ""), " 2023-W08 ", students(2, 10)));

        Validated<ValidReports> outcome = validation.validate(batch);

        assertEquals(List.of(at(2, Column.PERIOD)), rowsAndFields(outcome));
        assertTrue(violations(outcome).get(0).reason().contains("row 0"));
    }

    @Test
    void the_same_territory_in_two_periods_is_accepted() {
        var batch = Reports.batch("k1",
                Reports.row(AMURSKY, "2023-W08", students(1, 10)),
                Reports.row(AMURSKY, "2023-W09", students(2, 10)));

        valid(validation.validate(batch));
    }

    @Test
    void a_batch_of_more_rows_than_allowed_is_refused() {
        var row = Reports.row(AMURSKY, "2023-W08", students(1, 10));
        var batch = new ReportBatch("k1", tsos.monitor.domain.sender.Sender.admin("test"), Collections.nCopies(6, row));

        List<RowField> named = rowsAndFields(validation.validate(batch));

        assertTrue(named.contains(at(Violation.BATCH, Column.REPORTS)), named.toString());
    }

    @Test
    void a_batch_of_exactly_the_most_rows_allowed_is_accepted() {
        var batch = Reports.batch("k1",
                Reports.row(AMURSKY, "2023-W08", students(1, 10)),
                Reports.row(AMURSKY, "2023-W09", students(1, 10)),
                Reports.row(AMURSKY, "2023-W10", students(1, 10)),
                Reports.row(AMURSKY, "2023-W11", students(1, 10)),
                Reports.row(AMURSKY, "2023-W12", students(1, 10)));

        valid(validation.validate(batch));
    }
}
