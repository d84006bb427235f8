package tsos.monitor.cli.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tsos.monitor.api.v1.MonthlyPlanEntry;
import tsos.monitor.api.v1.MunicipalityRegistration;
import tsos.monitor.api.v1.Percent;
import tsos.monitor.api.v1.QuotaEntry;
import tsos.monitor.api.v1.SchoolRegistration;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.TerritoryReport;

/**
 * A table's rows as API messages, checked for what the table alone can tell (a count that is not a whole
 * number, a missing cell). Everything else — unknown territories, malformed periods — the service checks,
 * and its answers are told back by line; the loader checks metric columns against the service's catalogue.
 */
public final class TableRequests {

    static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec");
    private static final Set<String> REPORT_TERRITORY_COLUMNS = Set.of("region", "municipality", "school", "period");
    private static final List<String> TERRITORY_COLUMNS = List.of("region", "municipality_code", "municipality_name",
            "school_code", "school_name");
    private static final List<String> PLAN_COLUMNS = List.of("region", "municipality", "school", "year", "indicator");
    private static final List<String> QUOTA_COLUMNS = List.of("region", "municipality", "school", "year", "indicator",
            "quota");
    /** Thousands separators as people and spreadsheets write them: space, no-break and narrow no-break space. */
    private static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile("[ \u00a0\u202f]");

    /** A request row and the line of the file it came from. */
    public record Numbered<T>(long line, T item) {
    }

    private final TsvTable table;
    private final List<TableProblem> problems = new ArrayList<>();

    public TableRequests(TsvTable table) {
        this.table = table;
    }

    public List<Numbered<TerritoryReport>> reports() {
        requireColumns("region", "period");
        List<String> metrics = metricColumns(table);
        if (metrics.isEmpty()) {
            problems.add(table.headerProblem("", "a reports table has at least one metric column"));
        }
        List<Numbered<TerritoryReport>> reports = new ArrayList<>();
        for (TsvTable.Row row : table.rows()) {
            TerritoryReport.Builder report = TerritoryReport.newBuilder()
                    .setTerritory(territory(row, "municipality"))
                    .setPeriod(row.cell("period"));
            for (String metric : metrics) {
                String cell = row.cell(metric);
                if (!cell.isEmpty()) {
                    wholeNumber(row, metric).ifPresent(count -> report.putCounts(metric, count));
                }
            }
            reports.add(new Numbered<>(row.line(), report.build()));
        }
        return checked(reports);
    }

    /** A reports table's columns of counts: all but the territory, the period and printed percents. */
    static List<String> metricColumns(TsvTable table) {
        return table.header().stream().filter(c -> !REPORT_TERRITORY_COLUMNS.contains(c)
                && !PrintedPercents.isPrintedPercent(c)).toList();
    }

    public List<Numbered<MunicipalityRegistration>> municipalities() {
        requireColumns("region", "municipality_code", "municipality_name");
        refuseOtherColumns(TERRITORY_COLUMNS, "a territories table");
        List<Numbered<MunicipalityRegistration>> municipalities = new ArrayList<>();
        for (TsvTable.Row row : table.rows()) {
            if (row.cell("school_code").isEmpty()) {
                municipalities.add(new Numbered<>(row.line(), MunicipalityRegistration.newBuilder()
                        .setRegion(region(row)).setCode(row.cell("municipality_code"))
                        .setName(row.cell("municipality_name")).build()));
            }
        }
        return checked(municipalities);
    }

    public List<Numbered<SchoolRegistration>> schools() {
        List<Numbered<SchoolRegistration>> schools = new ArrayList<>();
        for (TsvTable.Row row : table.rows()) {
            if (!row.cell("school_code").isEmpty()) {
                schools.add(new Numbered<>(row.line(), SchoolRegistration.newBuilder()
                        .setRegion(region(row)).setMunicipality(row.cell("municipality_code"))
                        .setCode(row.cell("school_code")).setName(row.cell("school_name")).build()));
            }
        }
        return checked(schools);
    }

    public List<Numbered<MonthlyPlanEntry>> plans() {
        requireColumns("region", "year", "indicator");
        refuseOtherColumns(java.util.stream.Stream.concat(PLAN_COLUMNS.stream(), MONTHS.stream()).toList(),
                "a plans table");
        List<Numbered<MonthlyPlanEntry>> plans = new ArrayList<>();
        for (TsvTable.Row row : table.rows()) {
            MonthlyPlanEntry.Builder plan = MonthlyPlanEntry.newBuilder()
                    .setTerritory(territory(row, "municipality"))
                    .setIndicator(row.cell("indicator"))
                    .setYear(wholeNumber(row, "year").orElse(0L).intValue());
            for (int month = 1; month <= 12; month++) {
                String column = MONTHS.get(month - 1);
                int number = month;
                if (table.header().contains(column) && !row.cell(column).isEmpty()) {
                    hundredths(row, column).ifPresent(h -> plan.putMonths(number,
                            Percent.newBuilder().setHundredths(h).build()));
                }
            }
            plans.add(new Numbered<>(row.line(), plan.build()));
        }
        return checked(plans);
    }

    public List<Numbered<QuotaEntry>> quotas() {
        requireColumns("region", "municipality", "year", "indicator", "quota");
        refuseOtherColumns(QUOTA_COLUMNS, "a quotas table");
        List<Numbered<QuotaEntry>> quotas = new ArrayList<>();
        for (TsvTable.Row row : table.rows()) {
            quotas.add(new Numbered<>(row.line(), QuotaEntry.newBuilder()
                    .setTerritory(territory(row, "municipality"))
                    .setIndicator(row.cell("indicator"))
                    .setYear(wholeNumber(row, "year").orElse(0L).intValue())
                    .setQuota(wholeNumber(row, "quota").orElse(0L))
                    .build()));
        }
        return checked(quotas);
    }

    private TerritoryRef territory(TsvTable.Row row, String municipalityColumn) {
        return TerritoryRef.newBuilder()
                .setRegion(region(row))
                .setMunicipality(row.cell(municipalityColumn))
                .setSchool(row.cell("school"))
                .build();
    }

    static String withoutThousands(String cell) {
        return THOUSANDS.matcher(cell).replaceAll("");
    }

    /** Excel drops a region's leading zero: 7 is region 07. */
    private static String region(TsvTable.Row row) {
        String region = row.cell("region");
        return region.length() == 1 && region.charAt(0) >= '1' && region.charAt(0) <= '9' ? "0" + region : region;
    }

    private java.util.Optional<Long> wholeNumber(TsvTable.Row row, String column) {
        String cell = withoutThousands(row.cell(column));
        try {
            return java.util.Optional.of(Long.parseLong(cell));
        } catch (NumberFormatException e) {
            problems.add(new TableProblem(row.line(), column, "'" + clip(row.cell(column))
                    + "' is not a whole number"));
            return java.util.Optional.empty();
        }
    }

    private java.util.Optional<Long> hundredths(TsvTable.Row row, String column) {
        try {
            BigDecimal percent = new BigDecimal(row.cell(column).replace(',', '.'));
            return java.util.Optional.of(percent.movePointRight(2).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new TableProblem(row.line(), column, "'" + clip(row.cell(column))
                    + "' is not a percent with at most two decimals, such as 48.25"));
            return java.util.Optional.empty();
        }
    }

    private void requireColumns(String... columns) {
        for (String column : columns) {
            if (!table.header().contains(column)) {
                problems.add(table.headerProblem("", "column '" + column + "' is missing"));
            }
        }
    }

    private void refuseOtherColumns(List<String> known, String table) {
        for (String column : this.table.header()) {
            if (!known.contains(column)) {
                problems.add(this.table.headerProblem(column, "not a column of " + table + ", which has "
                        + String.join(", ", known)));
            }
        }
    }

    private <T> List<T> checked(List<T> requests) {
        if (!problems.isEmpty()) {
            throw new TableException(problems);
        }
        return requests;
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
