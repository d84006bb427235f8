package tsos.monitor.bench;

import java.util.Comparator;
import java.util.Locale;

/**
 * (6) The regional briefing page (issue 16) of the region with the most municipalities (then schools), for the
 * month of the last week, then the country's: a first request and the others, timed; before the month's statuses
 * read it.
 */
final class Briefing implements Measurement {

    private static final double TARGET_SECONDS = 1.0;

    @Override
    public void measure(MeasuredService service, Report report) throws Exception {
        NationalData.Region largest = service.data().regions().stream().max(Comparator
                .comparingInt((NationalData.Region region) -> region.municipalities().size())
                .thenComparingInt(NationalData.Region::schoolCount)).orElseThrow();
        String month = service.lastMonth();
        String page = "/briefings/" + largest.code() + "/" + month;
        service.step("(6) rendering the briefing page " + page + " (" + largest.municipalities().size()
                + " municipalities, " + largest.schoolCount() + " schools)");
        TimedGets gets = TimedGets.of(service.http(), service.get(page).header("Accept", "text/html").build(),
                service.options().scrapes());
        service.progress().printf(Locale.ROOT, "bench:   first %.0f ms, then median %.0f ms, max %.0f ms over %d "
                        + "requests; %,d bytes%n", gets.first() * 1000, gets.median() * 1000,
                gets.slowestOfOthers() * 1000, gets.others(), gets.last().body().length);
        report.judged(6, "(6) briefing page of the largest region, " + month + " (median of " + gets.others() + ")",
                Report.millis(gets.median()), "< 1 s", gets.median() < TARGET_SECONDS, "keep the rendered page per "
                        + "region-month while its revision is current; draw the charts from the region-month's "
                        + "statuses already in memory");
        report.figure(6, "    first request / slowest of the others", String.format(Locale.ROOT, "%.0f / %.0f ms",
                gets.first() * 1000, gets.slowestOfOthers() * 1000));
        report.figure(6, "    region " + largest.code() + ": municipalities / schools / page", String.format(
                Locale.ROOT, "%d / %,d / %s", largest.municipalities().size(), largest.schoolCount(),
                Report.bytesExact(gets.last().body().length)));
        String country = "/briefings/country/" + month;
        service.step("(6) rendering the country's briefing page " + country + " (" + service.data().regions().size()
                + " regions)");
        TimedGets countryGets = TimedGets.of(service.http(), service.get(country).header("Accept", "text/html")
                .build(), service.options().scrapes());
        service.progress().printf(Locale.ROOT, "bench:   country: first %.0f ms, then median %.0f ms; %,d bytes%n",
                countryGets.first() * 1000, countryGets.median() * 1000, countryGets.last().body().length);
        report.judged(6, "(6) the country's briefing page, " + month + " (median of " + countryGets.others() + ")",
                Report.millis(countryGets.median()), "< 1 s", countryGets.median() < TARGET_SECONDS, "read the "
                        + "silent regions' last reports in one country-wide query");
        report.note("Briefing: GET " + page + " (HTML, no gzip) on the HTTP port of /metrics, timed from the request "
                + "to the last byte received, one request after another, after the scrape and before (3).");
    }
}
