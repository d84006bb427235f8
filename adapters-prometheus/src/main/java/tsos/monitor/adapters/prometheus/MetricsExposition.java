package tsos.monitor.adapters.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * GET /metrics in the Prometheus text format. The indicator gauges — a national scrape is some 150,000 series —
 * change only when the read model does, so their text and its gzip are made once per read-model version and
 * sent as they are; only the service's own counters are written at each scrape. Two gzip members one after the
 * other are one valid gzip stream (RFC 1952), so the two parts need no recompressing.
 */
final class MetricsExposition implements HttpHandler {

    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

    private record Rendered(long version, byte[] plain, byte[] gzipped) {
    }

    private final IndicatorGauges gauges;
    private final PrometheusRegistry counters;
    private volatile Rendered rendered = new Rendered(-1, new byte[0], new byte[0]);

    MetricsExposition(IndicatorGauges gauges, PrometheusRegistry counters) {
        this.gauges = gauges;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!gauges.ready()) {
                // Half a country would resolve the alerts of the other half: nothing until the first full load.
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Rendered indicators = indicators();
            byte[] live = text(counters.scrape());
            String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            boolean gzip = accepted != null && accepted.contains("gzip");
            exchange.getResponseHeaders().set("Content-Type", PrometheusTextFormatWriter.CONTENT_TYPE);
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            byte[] first = gzip ? indicators.gzipped() : indicators.plain();
            byte[] second = gzip ? gzipped(live) : live;
            exchange.sendResponseHeaders(200, first.length + second.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(first);
                body.write(second);
            }
        }
    }

    private Rendered indicators() throws IOException {
        long version = gauges.version();
        Rendered last = rendered;
        if (last.version() != version) {
            synchronized (this) {
                last = rendered;
                if (last.version() != version) {
                    byte[] plain = text(gauges.snapshots());
                    last = new Rendered(version, plain, gzipped(plain));
                    rendered = last;
                }
            }
        }
        return last;
    }

    private static byte[] text(MetricSnapshots snapshots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        WRITER.write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
        return out.toByteArray();
    }

    private static byte[] gzipped(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 8));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }
}
