package tsos.monitor.domain.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodTest {

    @Test
    void a_month_is_written_year_dash_month() {
        ReportingPeriod period = ReportingPeriod.parse("2024-03");

        assertEquals(Month.of(2024, 3), period);
        assertEquals(LocalDate.of(2024, 3, 1), period.start());
        assertEquals(LocalDate.of(2024, 3, 31), period.end());
        assertEquals(YearMonth.of(2024, 3), period.planMonth());
        assertEquals("2024-03", period.text());
    }

    @Test
    void february_of_a_leap_year_ends_on_the_29th() {
        assertEquals(LocalDate.of(2024, 2, 29), ReportingPeriod.parse("2024-02").end());
    }

    @Test
    void an_iso_week_runs_from_monday_to_sunday() {
        ReportingPeriod week = ReportingPeriod.parse("2023-W14");

        assertInstanceOf(IsoWeek.class, week);
        assertEquals(LocalDate.of(2023, 4, 3), week.start());
        assertEquals(LocalDate.of(2023, 4, 9), week.end());
        assertEquals(YearMonth.of(2023, 4), week.planMonth());
        assertEquals("2023-W14", week.text());
    }

    @Test
    void a_week_across_two_months_counts_for_the_month_of_its_last_day() {
        ReportingPeriod week = ReportingPeriod.parse("2023-W05");

        assertEquals(LocalDate.of(2023, 1, 30), week.start());
        assertEquals(LocalDate.of(2023, 2, 5), week.end());
        assertEquals(YearMonth.of(2023, 2), week.planMonth());
    }

    @Test
    void the_first_iso_week_may_start_in_the_previous_year() {
        ReportingPeriod week = ReportingPeriod.parse("2025-W01");

        assertEquals(LocalDate.of(2024, 12, 30), week.start());
        assertEquals(YearMonth.of(2025, 1), week.planMonth());
    }

    @Test
    void a_year_with_53_iso_weeks_has_a_week_53() {
        ReportingPeriod week = ReportingPeriod.parse("2020-W53");

        assertEquals(LocalDate.of(2020, 12, 28), week.start());
        assertEquals(LocalDate.of(2021, 1, 3), week.end());
        assertEquals(YearMonth.of(2021, 1), week.planMonth());
    }

    @Test
    void a_range_of_dates_includes_both_ends() {
        ReportingPeriod range = ReportingPeriod.parse("2023-02-20/2023-02-22");

        assertEquals(new DateRange(LocalDate.of(2023, 2, 20), LocalDate.of(2023, 2, 22)), range);
        assertEquals(YearMonth.of(2023, 2), range.planMonth());
        assertEquals("2023-02-20/2023-02-22", range.text());
    }

    @Test
    void a_range_across_two_months_counts_for_the_month_of_its_last_day() {
        assertEquals(YearMonth.of(2023, 3), ReportingPeriod.parse("2023-02-27/2023-03-03").planMonth());
    }

    @Test
    void a_range_of_one_day_is_a_period() {
        ReportingPeriod day = ReportingPeriod.parse("2023-02-20/2023-02-20");

        assertEquals(day.start(), day.end());
    }

    @Test
    void surrounding_blanks_are_ignored() {
        assertEquals(Month.of(2024, 3), ReportingPeriod.parse("  2024-03\t"));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {
            "2023-13",                  // no month 13
            "2023-00",
            "2023-W54",                 // no week 54
            "2023-W53",                 // 2023 has 52 ISO weeks
            "2023-W00",
            "2023/02",                  // not a form of period
            "",
            "   ",
            "2023-02-22/2023-02-20",    // ends before it starts
            "2023-01-01/2023-02-09",    // 40 days
            "2023-02-30/2023-03-01",    // no 30 February
            "1999-12",                  // out of the years served
            "2101-01",
            "2023-3",
            "2023-W1",
            "2023-02-20 / 2023-02-22",
            "20.02.2023-22.02.2023",
            "2023-W14/2023-W15",
            "２０２３-０３"})           // full-width digits
    void a_malformed_period_is_refused_with_a_message(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReportingPeriod.parse(text));

        assertFalse(refused.getMessage() == null || refused.getMessage().isBlank());
    }

    @Test
    void text_that_is_no_period_at_all_is_told_the_forms_a_period_takes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReportingPeriod.parse("2023/02"));

        assertTrue(refused.getMessage().contains("2024-03"), refused.getMessage());
        assertTrue(refused.getMessage().contains("2023-W14"), refused.getMessage());
        assertTrue(refused.getMessage().contains("2023-02-20/2023-02-22"), refused.getMessage());
    }

    @Test
    void a_range_ending_before_it_starts_is_told_so() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReportingPeriod.parse("2023-02-22/2023-02-20"));

        assertTrue(refused.getMessage().contains("ends on or after its start"), refused.getMessage());
    }

    @Test
    void a_range_longer_than_31_days_is_told_so() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReportingPeriod.parse("2023-01-01/2023-02-09"));

        assertTrue(refused.getMessage().contains("31 days"), refused.getMessage());
    }

    @Test
    void a_range_of_31_days_is_the_longest_accepted() {
        assertEquals(LocalDate.of(2023, 1, 31), ReportingPeriod.parse("2023-01-01/2023-01-31").end());
        assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse("2023-01-01/2023-02-01"));
    }

    @Test
    void a_week_ending_past_the_last_reporting_year_is_refused_naming_its_last_day() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReportingPeriod.parse("2100-W52"));

        assertTrue(refused.getMessage().contains("2100-W52 ends on 2101-01-02"), refused.getMessage());
        assertEquals(LocalDate.of(2100, 12, 26), ReportingPeriod.parse("2100-W51").end());
    }

    @Test
    void a_range_starting_before_the_first_reporting_year_is_refused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReportingPeriod.parse("1999-12-31/2000-01-02"));

        assertTrue(refused.getMessage().contains("starts on 1999-12-31"), refused.getMessage());
    }

    @Test
    void a_null_period_is_refused_like_an_empty_one() {
        assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse(null));
    }

    @Test
    void the_message_of_a_very_long_text_is_clipped() {
        String longText = "x".repeat(10_000);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ReportingPeriod.parse(longText));

        assertTrue(refused.getMessage().length() < 200, refused.getMessage());
    }

    @Test
    void month_parse_refuses_a_week() {
        assertThrows(IllegalArgumentException.class, () -> Month.parse("2023-W14"));
        assertEquals(Month.of(2023, 4), Month.parse("2023-04"));
    }

    @Test
    void a_text_that_is_not_a_month_is_told_the_one_form_of_a_month_not_the_forms_of_other_periods() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Month.parse("nov"));
        assertEquals("'nov' is not a month: write YYYY-MM, such as 2024-03", refused.getMessage());
    }

    @Test
    void months_are_ordered_in_time() {
        assertTrue(Month.of(2023, 12).compareTo(Month.of(2024, 1)) < 0);
    }
}
