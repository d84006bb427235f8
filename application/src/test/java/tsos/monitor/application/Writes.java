package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.refusal.Refusal;
import tsos.monitor.domain.refusal.Violation;

/** How the tests of writes read a result: what was stored, or the rows and fields a refusal names. */
final class Writes {

    record RowField(int row, Field field) {
    }

    private Writes() {
    }

    static RowField at(int row, Field field) {
        return new RowField(row, field);
    }

    static List<RowField> rowsAndFields(List<Violation> violations) {
        return violations.stream().map(v -> at(v.row(), v.at())).toList();
    }

    /** The rows and fields of every list a refusal names; none when stored. */
    static List<RowField> refused(WriteResult<?> result) {
        return result.fold(stored -> List.of(), refusal -> rowsAndFields(refusal.all()));
    }

    /** The rows and fields a refusal names in one list of the write; none when stored. */
    static List<RowField> refused(WriteResult<?> result, Refusal.Rows rows) {
        return result.fold(stored -> List.of(),
                refusal -> rowsAndFields(refusal.violations().getOrDefault(rows, List.of())));
    }

    /** How many rows were stored; -1 when refused. */
    static int stored(WriteResult<Integer> result) {
        return result.fold(stored -> stored, refusal -> -1);
    }

    /** What a write that must be stored tells of it. */
    static <S> S done(WriteResult<S> result) {
        return result.fold(stored -> stored, refusal -> fail("refused: " + refusal));
    }

    /** The refusal of a write that must be refused. */
    static Refusal refusal(WriteResult<?> result) {
        return result.fold(stored -> fail("stored: " + stored), refusal -> refusal);
    }
}
