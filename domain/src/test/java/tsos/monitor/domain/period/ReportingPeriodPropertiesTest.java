package tsos.monitor.domain.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

class ReportingPeriodPropertiesTest {

    @Property(tries = 3000)
    @StatisticsReport(onFailureOnly = true)
    void any_text_is_either_a_period_or_refused_with_an_illegal_argument(@ForAll("periodLikeText") String text) {
        // Some of the texts must parse, or the round trip below would never be tried.
        Statistics.label("outcome").coverage(c -> c.check("a period").percentage(p -> p >= 5));
        ReportingPeriod period;
        try {
            period = ReportingPeriod.parse(text);
        } catch (IllegalArgumentException refused) {
            assertFalse(refused.getMessage() == null || refused.getMessage().isBlank());
            Statistics.label("outcome").collect("refused");
            return;
        }
        Statistics.label("outcome").collect("a period");
        // Whatever parses is a well-formed period within the reporting years that writes itself back the same way.
        assertFalse(period.end().isBefore(period.start()));
        assertTrue(ReportingYears.contain(period.start().getYear()) && ReportingYears.contain(period.end().getYear()),
                period.text());
        assertEquals(YearMonth.from(period.end()), period.planMonth());
        assertEquals(period, ReportingPeriod.parse(period.text()));
    }

    @Property(tries = 500)
    void every_iso_week_is_seven_days_from_the_monday_of_that_week(@ForAll("weeks") String text) {
        ReportingPeriod week;
        try {
            week = ReportingPeriod.parse(text);
        } catch (IllegalArgumentException refused) {
            return; // week 53 of a year with 52
        }
        IsoWeek iso = (IsoWeek) week;
        assertEquals(java.time.DayOfWeek.MONDAY, week.start().getDayOfWeek());
        // The JDK's own week fields, against the arithmetic of IsoWeek.start().
        assertEquals(iso.week(), week.start().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertEquals(iso.weekBasedYear(), week.start().get(java.time.temporal.IsoFields.WEEK_BASED_YEAR));
        assertEquals(week.start().plusDays(6), week.end());
        assertEquals(text, week.text());
    }

    @Provide
    Arbitrary<String> periodLikeText() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(25);
        Arbitrary<String> hugeNumbers = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(BigInteger::toString);
        Arbitrary<String> number = Arbitraries.oneOf(digits, hugeNumbers,
                Arbitraries.integers().between(-5, 10_000).map(String::valueOf),
                Arbitraries.integers().between(0, 99).map(n -> String.format("%02d", n)));
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f')
                .withChars('\u007f', '\u0085', '\u2028', '\u00a0', '/', '-', 'W', '0', '2').ofMaxLength(20);
        Arbitrary<String> months = Combinators.combine(number, number).as((y, m) -> y + "-" + m);
        Arbitrary<String> weeks = Combinators.combine(number, number).as((y, w) -> y + "-W" + w);
        Arbitrary<String> dates = Combinators.combine(number, number, number).as((y, m, d) -> y + "-" + m + "-" + d);
        Arbitrary<String> ranges = Combinators.combine(dates, dates).as((a, b) -> a + "/" + b);
        Arbitrary<Integer> years = Arbitraries.integers().between(1990, 2110);
        Arbitrary<String> plausibleMonths = Combinators.combine(years, Arbitraries.integers().between(0, 13))
                .as((y, m) -> String.format("%04d-%02d", y, m));
        Arbitrary<String> plausibleWeeks = Combinators.combine(years, Arbitraries.integers().between(0, 54))
                .as((y, w) -> String.format("%04d-W%02d", y, w));
        Arbitrary<String> realRanges = Combinators.combine(
                Arbitraries.integers().between(-400, 37_300),
                Arbitraries.integers().between(-5, 45)).as((day, length) -> {
                    LocalDate start = LocalDate.of(2000, 1, 1).plusDays(day);
                    return start + "/" + start.plusDays(length);
                });
        Arbitrary<String> decorated = Combinators.combine(
                Arbitraries.oneOf(plausibleMonths, plausibleWeeks, ranges, realRanges), controls, controls)
                .as((core, before, after) -> before + core + after);
        return Arbitraries.frequencyOf(
                Tuple.of(3, anything), Tuple.of(1, controls), Tuple.of(2, months), Tuple.of(2, weeks),
                Tuple.of(2, ranges), Tuple.of(3, plausibleMonths), Tuple.of(3, plausibleWeeks),
                Tuple.of(3, realRanges), Tuple.of(3, decorated));
    }

    @Provide
    Arbitrary<String> weeks() {
        return Combinators.combine(Arbitraries.integers().between(2000, 2100), Arbitraries.integers().between(1, 53))
                .as((year, week) -> String.format("%04d-W%02d", year, week));
    }
}
