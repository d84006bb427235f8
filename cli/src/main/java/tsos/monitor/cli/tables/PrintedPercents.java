package tsos.monitor.cli.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tsos.monitor.api.v1.Indicator;
import tsos.monitor.api.v1.IndicatorList;

/**
 * The percents a source printed beside its counts, in columns named after their indicator ("2.1 %",
 * "myschool.students_in_platform %"): never loaded — every share is computed from counts — but checked against
 * the counts of the same row, rounded as printed, so that a table whose printed figures contradict its counts is
 * told (the Krasnoyarsk dashboard prints 13.4 % for 16,547 of 367,226 students, which is 4.5 %).
 */
final class PrintedPercents {

    private static final String SUFFIX = "%";

    private PrintedPercents() {
    }

    static boolean isPrintedPercent(String column) {
        return column.endsWith(SUFFIX);
    }

    static List<String> columns(TsvTable table) {
        return table.header().stream().filter(PrintedPercents::isPrintedPercent).toList();
    }

    /**
     * A warning for each printed percent that its row's counts do not give.
     *
     * @throws TableException naming, at the header, a column whose indicator or counts are not there
     */
    static List<String> disagreements(TsvTable table, IndicatorList catalogue) {
        Map<String, Indicator> byCode = catalogue.getIndicatorsList().stream()
                .collect(Collectors.toMap(Indicator::getCode, Function.identity()));
        List<TableProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String column : columns(table)) {
            Indicator indicator = byCode.get(column.substring(0, column.length() - SUFFIX.length()).strip());
            if (indicator == null) {
                problems.add(table.headerProblem(column, "a printed percent's column is named after its indicator, "
                        + "such as '2.1 %': no indicator '" + column.substring(0, column.length() - 1).strip() + "'"));
            } else if (!table.header().contains(indicator.getNumerator())
                    || !table.header().contains(indicator.getDenominator())) {
                problems.add(table.headerProblem(column, "a printed percent is checked against its counts: the "
                        + "columns " + indicator.getNumerator() + " and " + indicator.getDenominator() + " are needed"));
            } else {
                for (TsvTable.Row row : table.rows()) {
                    disagreement(row, column, indicator).ifPresent(warnings::add);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new TableException(problems);
        }
        return warnings;
    }

    private static java.util.Optional<String> disagreement(TsvTable.Row row, String column, Indicator indicator) {
        BigDecimal printed;
        long numerator;
        long denominator;
        try {
            printed = new BigDecimal(row.cell(column).replace(SUFFIX, "").replace(',', '.').strip());
            numerator = Long.parseLong(TableRequests.withoutThousands(row.cell(indicator.getNumerator())));
            denominator = Long.parseLong(TableRequests.withoutThousands(row.cell(indicator.getDenominator())));
        } catch (NumberFormatException notThere) {
            return java.util.Optional.empty(); // an empty cell, or a count the loader itself refuses
        }
        if (denominator <= 0) {
            return java.util.Optional.empty();
        }
        BigDecimal share = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), Math.max(0, printed.scale()), RoundingMode.HALF_UP);
        if (share.compareTo(printed) == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("line " + row.line() + ", column " + column + ": printed " + printed.toPlainString()
                + " % but " + numerator + " / " + denominator + " = " + BigDecimal.valueOf(numerator)
                .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
                .toPlainString() + " %: the counts are loaded, the printed percent is not");
    }
}
