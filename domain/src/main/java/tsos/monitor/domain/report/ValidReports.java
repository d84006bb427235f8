package tsos.monitor.domain.report;

import java.util.List;

/** A batch's reports once every row is valid, with the warnings its consistent-but-odd counts raise. */
public record ValidReports(List<TerritoryReport> reports, List<ReportWarning> warnings) {
    public ValidReports {
        reports = List.copyOf(reports);
        warnings = List.copyOf(warnings);
    }
}
