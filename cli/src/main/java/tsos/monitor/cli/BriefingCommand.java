package tsos.monitor.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the briefing page the service serves: the same bytes as {@code /briefings/R/M}, fetched over HTTP
 * (the page is rendered once, by the service, and the file is what a browser would show), so that it can be
 * mailed and opened offline.
 */
@Command(name = "briefing", mixinStandardHelpOptions = true,
        description = {"Writes the briefing of a region (or of one of its municipalities, or a school's card), or "
                + "with --country of the whole country, for a month as one HTML file that needs nothing else: "
                + "figures against plan, the year plan, the municipalities (or regions) by level, the named lists, "
                + "the place among regions.",
                "It is the page the service serves at /briefings/REGION/MONTH (/briefings/country/MONTH) on its HTTP "
                + "port (that of /metrics)."})
final class BriefingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--web", paramLabel = "URL", defaultValue = "${env:TSOS_WEB:-http://127.0.0.1:9464}",
            description = "The service's HTTP address, that of /metrics (default: TSOS_WEB, else ${DEFAULT-VALUE}).")
    URI web;

    /** Needed only when the service closes reads. */
    @Mixin
    TokenOption token;

    @Option(names = "--region", description = "Region code, such as 27.")
    String region;

    @Option(names = "--country", description = "The whole country's briefing: the regions by level.")
    boolean country;

    @Option(names = "--month", required = true, description = "Month, YYYY-MM.")
    String month;

    @Option(names = "--municipality", description = "A municipality of the region, by code or name: its briefing, "
            + "with its schools.")
    String municipality;

    @Option(names = "--school", description = "A school of the municipality, by code or name: the municipality's "
            + "briefing with the school's card (you, the leader, the outsider).")
    String school;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "Where to write the page.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (country == (region != null)) {
            throw new ParameterException(spec.commandLine(), "give --region (or --country)");
        }
        String path = country ? "/briefings/country/" + encoded(month)
                : "/briefings/" + encoded(region) + "/" + encoded(month)
                + (municipality == null ? "" : "?municipality=" + encoded(municipality)
                + (school == null ? "" : "&school=" + encoded(school)));
        HttpRequest.Builder request = HttpRequest.newBuilder(web.resolve(path)).timeout(Duration.ofSeconds(60));
        token.token().ifPresent(t -> request.header("Authorization", "Bearer " + t.text().strip()));
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            spec.commandLine().getErr().println("tsos: the service's HTTP port at " + web + " did not answer ("
                    + e.getMessage() + "); --web or TSOS_WEB names it");
            return 1;
        }
        if (response.statusCode() != 200) {
            spec.commandLine().getErr().println("tsos: " + response.statusCode() + " for " + path + ": "
                    + new String(response.body(), StandardCharsets.UTF_8) + (response.statusCode() != 401 ? ""
                    : token.token().map(t -> "\n  the token sent came from " + t.source())
                    .orElse("\n  no token was sent: pass --token TOKEN or set TSOS_TOKEN")));
            return 1;
        }
        Files.write(out, response.body());
        spec.commandLine().getOut().println("tsos: wrote " + out + " (" + response.body().length + " bytes)");
        return 0;
    }

    private static String encoded(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
