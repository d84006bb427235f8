package tsos.monitor.cli.tables;

import java.util.List;

/** The four tables analysts keep, told apart by their header. */
public enum TableKind {
    TERRITORIES,
    REPORTS,
    PLANS,
    QUOTAS;

    public static TableKind of(TsvTable table) {
        List<String> header = table.header();
        if (header.contains("period")) {
            return REPORTS;
        }
        if (header.stream().anyMatch(TableRequests.MONTHS::contains)) {
            return PLANS;
        }
        if (header.contains("quota")) {
            return QUOTAS;
        }
        if (header.contains("municipality_code")) {
            return TERRITORIES;
        }
        throw new TableException(List.of(table.headerProblem("", "not a header of a table tsos loads: it has "
                + "'period' (reports), month columns 'jan' … 'dec' (plans), 'quota' (quotas) or 'municipality_code' "
                + "(territories)")));
    }
}
