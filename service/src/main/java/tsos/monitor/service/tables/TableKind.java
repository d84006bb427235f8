package tsos.monitor.service.tables;

import java.util.List;

/** The four tables analysts keep, told apart by their header. */
public enum TableKind {
    TERRITORIES,
    REPORTS,
    PLANS,
    QUOTAS;

    public static TableKind of(List<String> header) {
        if (header.contains("period")) {
            return REPORTS;
        }
        if (header.contains("jan")) {
            return PLANS;
        }
        if (header.contains("quota")) {
            return QUOTAS;
        }
        if (header.contains("municipality_code")) {
            return TERRITORIES;
        }
        throw new TableException(List.of(TableProblem.ofHeader("a header with 'period' (reports), 'jan' (plans), "
                + "'quota' (quotas) or 'municipality_code' (territories)")));
    }
}
