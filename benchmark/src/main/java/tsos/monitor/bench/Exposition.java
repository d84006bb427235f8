package tsos.monitor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What a /metrics exposition holds, counted as it streams by: a national one is tens of MB, never held whole. */
record Exposition(long series, long indicatorSeries, long bytes) {

    private static final byte[] INDICATOR = "tsos_indicator_".getBytes(StandardCharsets.US_ASCII);

    /** Counts the samples (lines neither empty nor comments), those of tsos_indicator_*, and the bytes. */
    static Exposition count(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long samples = 0;
        long indicators = 0;
        long length = 0;
        int column = 0;
        boolean sample = false;
        boolean indicator = false;
        for (int read; (read = in.read(buffer)) > 0; ) {
            length += read;
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    samples += sample ? 1 : 0;
                    indicators += sample && indicator && column >= INDICATOR.length ? 1 : 0;
                    column = 0;
                    continue;
                }
                if (column == 0) {
                    sample = b != '#';
                    indicator = true;
                }
                if (column < INDICATOR.length && b != INDICATOR[column]) {
                    indicator = false;
                }
                column++;
            }
        }
        if (column > 0) {
            samples += sample ? 1 : 0;
            indicators += sample && indicator && column >= INDICATOR.length ? 1 : 0;
        }
        return new Exposition(samples, indicators, length);
    }
}
