package tsos.monitor.application;

import java.util.List;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.refusal.Violation;

/** How the tests of writes read a result: the rows and fields a refusal names, or none when stored. */
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

    static List<RowField> refused(WriteResult<List<Violation>> result) {
        return result.fold(stored -> List.of(), Writes::rowsAndFields);
    }

    /** How many rows were stored; -1 when refused. */
    static int stored(WriteResult<?> result) {
        return result.fold(stored -> stored, violations -> -1);
    }
}
