package tsos.monitor.domain.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.indicator.ReportingCadence;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;

class StatusPeriodTest {

    private static final IsoWeek W38_2024 = new IsoWeek(2024, 38); // 16.09–22.09.2024

    @Test
    void a_date_range_ending_in_a_week_counts_for_that_week() {
        assertTrue(StatusPeriod.countsFor(ReportingPeriod.parse("2024-09-16/2024-09-20"), W38_2024));
        assertEquals(W38_2024, StatusPeriod.containing(ReportingCadence.WEEKLY, LocalDate.of(2024, 9, 20)));
    }

    @Test
    void a_range_crossing_two_weeks_counts_for_the_week_of_its_last_day_only() {
        ReportingPeriod fridayToTuesday = ReportingPeriod.parse("2024-09-13/2024-09-17");

        assertTrue(StatusPeriod.countsFor(fridayToTuesday, W38_2024));
        assertFalse(StatusPeriod.countsFor(fridayToTuesday, new IsoWeek(2024, 37)));
    }

    @Test
    void an_iso_week_counts_for_itself_and_a_month_for_the_week_of_its_last_day() {
        assertTrue(StatusPeriod.countsFor(W38_2024, W38_2024));
        assertFalse(StatusPeriod.countsFor(W38_2024, new IsoWeek(2024, 39)));
        assertTrue(StatusPeriod.countsFor(Month.of(2024, 9), new IsoWeek(2024, 40)), "30.09 is in 2024-W40");
    }

    @Test
    void iso_week_53_holds_the_new_year_s_first_days_and_precedes_week_1() {
        IsoWeek w53 = new IsoWeek(2020, 53); // 28.12.2020–03.01.2021

        assertEquals(w53, IsoWeek.containing(LocalDate.of(2021, 1, 1)));
        assertTrue(StatusPeriod.countsFor(ReportingPeriod.parse("2020-12-30/2021-01-02"), w53));
        assertEquals(Optional.of(w53), StatusPeriod.previous(new IsoWeek(2021, 1)));
        assertEquals(YearMonth.of(2021, 1), w53.planMonth(), "its Sunday is 3 January: January's plan");
    }

    @Test
    void a_day_whose_week_reaches_outside_the_reporting_years_counts_for_its_month_instead() {
        assertEquals(Month.of(2000, 1), StatusPeriod.containing(ReportingCadence.WEEKLY, LocalDate.of(2000, 1, 2)),
                "2 January 2000 is in 1999-W52");
        assertEquals(Month.of(2100, 12), StatusPeriod.containing(ReportingCadence.WEEKLY,
                LocalDate.of(2100, 12, 31)), "its week ends in 2101");
        assertEquals(Optional.of(new IsoWeek(2000, 1)), StatusPeriod.weekOf(LocalDate.of(2000, 1, 3)));
    }

    @Test
    void a_week_spanning_two_months_has_the_plan_of_its_sunday_s_month() {
        IsoWeek w35 = new IsoWeek(2024, 35); // 26.08–01.09.2024

        assertEquals(YearMonth.of(2024, 9), w35.planMonth());
        assertTrue(StatusPeriod.countsFor(Month.of(2024, 8), w35), "August ends on its Saturday");
    }

    @Test
    void a_week_fits_a_weekly_indicator_only_and_a_month_fits_both() {
        assertTrue(StatusPeriod.fits(ReportingCadence.WEEKLY, W38_2024));
        assertFalse(StatusPeriod.fits(ReportingCadence.MONTHLY, W38_2024));
        assertTrue(StatusPeriod.fits(ReportingCadence.MONTHLY, Month.of(2024, 9)));
        assertTrue(StatusPeriod.fits(ReportingCadence.WEEKLY, Month.of(2024, 9)));
    }

    @Test
    void the_previous_period_is_of_the_same_kind_and_none_before_the_reporting_years() {
        assertEquals(Optional.of(new IsoWeek(2024, 37)), StatusPeriod.previous(W38_2024));
        assertEquals(Optional.of(Month.of(2023, 12)), StatusPeriod.previous(Month.of(2024, 1)));
        assertEquals(Optional.empty(), StatusPeriod.previous(new IsoWeek(2000, 1)));
        assertEquals(Optional.empty(), StatusPeriod.previous(Month.of(2000, 1)));
    }

    @Test
    void a_week_is_written_yyyy_www_and_anything_else_is_refused_naming_the_form() {
        assertEquals(W38_2024, IsoWeek.parse("2024-W38"));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> IsoWeek.parse("2024-09"));
        assertTrue(refused.getMessage().contains("YYYY-Www"), refused.getMessage());
    }
}
