package tsos.monitor.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** One request sent several times, one after another: each time, to the last byte received, and the last answer. */
record TimedGets(double[] seconds, HttpResponse<byte[]> last) {

    /** Sends the request {@code others + 1} times; any answer but 200 ends the run. */
    static TimedGets of(HttpClient http, HttpRequest request, int others) throws IOException, InterruptedException {
        double[] seconds = new double[others + 1];
        HttpResponse<byte[]> response = null;
        for (int i = 0; i <= others; i++) {
            long started = System.nanoTime();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            seconds[i] = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode());
            }
        }
        return new TimedGets(seconds, response);
    }

    double first() {
        return seconds[0];
    }

    int others() {
        return seconds.length - 1;
    }

    /** The median of the requests after the first (the first alone when there are none). */
    double median() {
        double[] sorted = sortedOthers();
        return sorted[sorted.length / 2];
    }

    double slowestOfOthers() {
        double[] sorted = sortedOthers();
        return sorted[sorted.length - 1];
    }

    private double[] sortedOthers() {
        double[] sorted = seconds.length == 1 ? seconds.clone() : Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(sorted);
        return sorted;
    }
}
