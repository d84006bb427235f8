package tsos.monitor.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** (2) /metrics scraped as Prometheus asks for it (OpenMetrics, gzip): a first scrape and the others, timed. */
final class Scrape implements Measurement {

    private static final double TARGET_SECONDS = 0.250;
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @Override
    public void measure(MeasuredService service, Report report) throws Exception {
        service.awaitReadModelIdle();
        service.step("(2) scraping /metrics as Prometheus does (Accept: OpenMetrics, Accept-Encoding: gzip)");
        var watch = service.monitor().start();
        TimedGets gets = TimedGets.of(service.http(), service.get("/metrics").header("Accept", PROMETHEUS_ACCEPT)
                .header("Accept-Encoding", "gzip").build(), service.options().scrapes());
        Monitor.Phase all = watch.stop();
        byte[] body = gets.last().body();
        String encoding = gets.last().headers().firstValue("Content-Encoding").orElse("");
        Exposition exposition;
        try (InputStream text = encoding.contains("gzip")
                ? new GZIPInputStream(new ByteArrayInputStream(body), 1 << 16) : new ByteArrayInputStream(body)) {
            exposition = Exposition.count(text);
        }
        service.progress().printf(Locale.ROOT, "bench:   first %.0f ms, then median %.0f ms, max %.0f ms over %d "
                        + "scrapes; %,d series (%,d tsos_indicator_*), %,d bytes (%,d on the wire, %s); %s%n",
                gets.first() * 1000, gets.median() * 1000, gets.slowestOfOthers() * 1000, gets.others(),
                exposition.series(), exposition.indicatorSeries(), exposition.bytes(), body.length,
                encoding.isEmpty() ? "identity" : encoding, all.describe());
        report.judged(2, "(2) /metrics scrape, " + service.options().weeks() + " weeks of data (median of "
                        + gets.others() + ")", Report.millis(gets.median()), "< 250 ms",
                gets.median() < TARGET_SECONDS, "fewer series (numerator, denominator and both timestamps are "
                        + "derivable or per region only); render the exposition once per read-model refresh and "
                        + "serve the cached bytes; municipality series on a second endpoint scraped less often");
        report.figure(2, "    first scrape / slowest of the others", String.format(Locale.ROOT, "%.0f / %.0f ms",
                gets.first() * 1000, gets.slowestOfOthers() * 1000));
        report.figure(2, "    series in one scrape (of them tsos_indicator_*)", String.format(Locale.ROOT,
                "%,d (%,d)", exposition.series(), exposition.indicatorSeries()));
        report.figure(2, "    exposition size (gzip on the wire)", Report.bytesExact(exposition.bytes()) + " ("
                + Report.bytesExact(body.length) + ")");
        report.figure(2, "    read model statuses behind them", String.format(Locale.ROOT, "%,d",
                service.readModel().current().size()));
        report.note(String.format(Locale.ROOT, "Scrape: %,d bytes of exposition (%,d on the wire, %s), timed from "
                        + "the request to the last byte received, one scrape after another. %s.", exposition.bytes(),
                body.length, encoding.isEmpty() ? "uncompressed" : encoding, all.describe()));
    }
}
