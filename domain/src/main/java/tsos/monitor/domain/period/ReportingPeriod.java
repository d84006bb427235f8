package tsos.monitor.domain.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a report covers, written as in the ministries' tables: "2024-03" (a month), "2023-W14" (an ISO
 * week) or "2023-02-20/2023-02-22" (a range of dates, as the weekly Sferum tables use).
 * A period counts for the plan month of its last day.
 */
public sealed interface ReportingPeriod permits Month, IsoWeek, DateRange {

    Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})/(\\d{4}-\\d{2}-\\d{2})");

    LocalDate start();

    LocalDate end();

    /** How the period is written; parsing it gives this period back. */
    String text();

    default YearMonth planMonth() {
        return YearMonth.from(end());
    }

    /** @throws IllegalArgumentException naming the expected forms, when the text is none of them */
    static ReportingPeriod parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            Matcher m = MONTH.matcher(trimmed);
            if (m.matches()) {
                return new Month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            m = WEEK.matcher(trimmed);
            if (m.matches()) {
                return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = RANGE.matcher(trimmed);
            if (m.matches()) {
                return new DateRange(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + clip(trimmed) + "' is not a valid date: " + e.getMessage());
        }
        throw new IllegalArgumentException("'" + clip(trimmed)
                + "' is not a period: write 2024-03, 2023-W14 or 2023-02-20/2023-02-22");
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
