package tsos.monitor.adapters.prometheus;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * GET /metrics in the Prometheus text format, on Micronaut's HTTP server: its event loop holds no thread for an
 * idle or half-sent request, and drops such connections after {@code micronaut.server.idle-timeout}. The
 * indicator gauges — a national scrape is some 150,000 series — change only when the read model does, so their
 * text and its gzip are made once per read-model version and sent as they are; only the service's own counters
 * are written at each scrape. Two gzip members one after the other are one valid gzip stream (RFC 1952), so the
 * two parts need no recompressing.
 */
@Controller("/metrics")
final class MetricsExposition {

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

    /** Rendering a new version of the gauges takes a moment: never on the event loop. */
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<ByteBuf> scrape(@Header(value = HttpHeaders.ACCEPT_ENCODING, defaultValue = "") String accepted) {
        Rendered indicators = indicators();
        byte[] live = text(counters.scrape());
        boolean gzip = accepted.contains("gzip");
        byte[] first = gzip ? indicators.gzipped() : indicators.plain();
        byte[] second = gzip ? gzipped(live) : live;
        // Both parts as they are, not copied into one array: a national scrape's text is some 15 MB.
        MutableHttpResponse<ByteBuf> response = HttpResponse.ok(Unpooled.wrappedBuffer(first, second))
                .header(HttpHeaders.CONTENT_TYPE, PrometheusTextFormatWriter.CONTENT_TYPE);
        return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip") : response;
    }

    private Rendered indicators() {
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

    private static byte[] text(MetricSnapshots snapshots) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            WRITER.write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        return out.toByteArray();
    }

    private static byte[] gzipped(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 8));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        return out.toByteArray();
    }
}
