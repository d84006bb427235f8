package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.cli.BearerToken;
import tsos.monitor.cli.tables.TableLoader;

/**
 * The dashboards and alerts against a real Prometheus (Debian's package) scraping the running service with the
 * demo data: every panel's query, with its variables set to Khabarovsk (27), Амурский район and indicator 2.1,
 * must return series; IndicatorBelowPlan must fire for Khabarovsk 2.1. The rules are loaded with their
 * {@code for:} durations set to 0s (their timing is promtool's to test, prometheus/tests), so that the alert
 * fires within seconds. IndicatorNotReported fires for the Khabarovsk municipalities registered but silent for 2.1
 * (November 2022 ended long ago). October 2022 of 2.1 gives the change (a rise, a fall, a flat) and the forecast:
 * IndicatorOffTrack fires for Khabarovsk 2.1 (8.55 % projected against 10 %).
 */
class DashboardQueriesAgainstPrometheusTest {

    private static final Map<String, String> VARIABLES = Map.of("region", "27", "municipality", "amursky",
            "indicator", "2.1", "region_name", "Хабаровский край", "municipality_name", "Амурский район");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static ServiceRuntime service;
    private static Process prometheus;
    private static String prometheusUrl;

    @BeforeAll
    static void startServiceWithDemoDataAndPrometheusScrapingIt() throws Exception {
        assumeTrue(installed("prometheus") || "true".equals(System.getenv("CI")),
                "prometheus is not installed (apt-get install prometheus)");
        // A database of its own: other tests of the shared one load other figures for Khabarovsk's October.
        service = ServiceRuntime.start(new ServiceRuntime.Settings(work, 0, 0), Optional.empty());
        ManagedChannel channel = service.channel();
        try {
            TableLoader loader = new TableLoader(BearerToken.attach(channel, Tokens.admin(service)),
                    new PrintWriter(new StringWriter()));
            for (String table : List.of("/demo/territories-27-khabarovsk.tsv", "/demo/plans-27-khabarovsk-2022.tsv",
                    "/demo/quotas-27-khabarovsk-2022.tsv", "/demo/reports-27-khabarovsk-2022-11.tsv",
                    "/demo/plans-24-krasnoyarsk-2024.tsv", "/demo/reports-24-krasnoyarsk-2024-09.tsv",
                    "/monitoring/khabarovsk-municipalities-2022-11.tsv", "/monitoring/khabarovsk-2022-10.tsv")) {
                loader.load(copied(table), false);
            }
        } finally {
            channel.shutdownNow();
        }
        String metricsUrl = "http://127.0.0.1:" + service.metricsPort() + "/metrics";
        awaitTrue("the gauges of Амурский район", () -> get(metricsUrl).contains("municipality=\"amursky\""));

        int port = freePort();
        prometheusUrl = "http://127.0.0.1:" + port;
        Path rules = Files.createDirectories(work.resolve("rules"));
        try (Stream<Path> files = Files.list(GrafanaDashboards.ROOT.resolve("prometheus/rules"))) {
            for (Path rule : files.toList()) {
                Files.writeString(rules.resolve(rule.getFileName()),
                        Files.readString(rule).replaceAll("(?m)^(\\s+for:) \\S+", "$1 0s"));
            }
        }
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: tsos
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(rules, service.metricsPort()));
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        // While it starts, Prometheus answers its API with a plain "Service Unavailable", which is not JSON.
        awaitTrue("Prometheus to be ready", () -> get(prometheusUrl + "/-/ready").contains("Ready"));
        awaitTrue("Prometheus to scrape the service", () -> !result(query("tsos_indicator_rank")).isEmpty());
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.destroy();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void every_panel_query_of_every_dashboard_returns_series() {
        List<String> empty = new ArrayList<>();
        List<GrafanaDashboards.Query> queries = GrafanaDashboards.queries(GrafanaDashboards.PROMETHEUS);
        for (GrafanaDashboards.Query query : queries) {
            String expr = substituted(query.expr());
            JsonNode answer = query.target().path("range").asBoolean(false) ? rangeQuery(expr) : query(expr);
            if (!"success".equals(answer.path("status").asText()) || result(answer).isEmpty()) {
                empty.add(query.dashboard() + " / " + query.panel() + " / " + query.refId() + ": " + expr + " → "
                        + answer);
            }
        }
        assertTrue(queries.size() > 40, "the dashboards have their panels: " + queries.size());
        assertEquals(List.of(), empty, "queries with no series or an error");
    }

    @Test
    void every_template_variable_lists_values() throws IOException {
        List<String> empty = new ArrayList<>();
        for (Path file : GrafanaDashboards.files()) {
            for (JsonNode variable : GrafanaDashboards.read(file).path("templating").path("list")) {
                Matcher m = LABEL_VALUES.matcher(substituted(variable.path("definition").asText()));
                if (m.matches()) {
                    JsonNode values = JSON.readTree(get(prometheusUrl + "/api/v1/label/" + m.group(2)
                            + "/values?match[]=" + encode(m.group(1))));
                    if (values.path("data").isEmpty()) {
                        empty.add(file.getFileName() + ": " + variable.path("name").asText() + " = " + m.group(0));
                    }
                }
            }
        }
        assertEquals(List.of(), empty, "variables with no values");
    }

    @Test
    void indicator_below_plan_fires_for_khabarovsk_2_1_naming_actual_plan_and_gap() {
        Predicate<JsonNode> khabarovsk21 = alert -> alert.path("labels").path("alertname").asText()
                .equals("IndicatorBelowPlan") && alert.path("labels").path("region").asText().equals("27")
                && alert.path("labels").path("municipality").asText().isEmpty()
                && alert.path("labels").path("indicator").asText().equals("2.1")
                && alert.path("state").asText().equals("firing");
        awaitTrue("IndicatorBelowPlan firing for Khabarovsk 2.1", () -> alerts().stream().anyMatch(khabarovsk21));
        JsonNode alert = alerts().stream().filter(khabarovsk21).findFirst().orElseThrow();
        String description = alert.path("annotations").path("description").asText();
        assertTrue(description.contains("7.97") && description.contains("10.00") && description.contains("-2.03"),
                description);
        assertTrue(alerts().stream().noneMatch(a -> a.path("labels").path("alertname").asText()
                .equals("IndicatorBelowPlan") && a.path("labels").path("indicator").asText().equals("2.2")
                && a.path("labels").path("region").asText().equals("27")), "2.2 is above plan: no alert");
    }

    @Test
    void indicator_not_reported_fires_for_a_registered_municipality_that_never_sent_2_1_naming_since_when() {
        Predicate<JsonNode> ayanoMaysky21 = alert -> alert.path("labels").path("alertname").asText()
                .equals("IndicatorNotReported") && alert.path("labels").path("region").asText().equals("27")
                && alert.path("labels").path("municipality").asText().equals("ayano-maysky")
                && alert.path("labels").path("indicator").asText().equals("2.1")
                && alert.path("state").asText().equals("firing");
        awaitTrue("IndicatorNotReported firing for Аяно-Майский район 2.1", () -> alerts().stream().anyMatch(ayanoMaysky21));
        String description = alerts().stream().filter(ayanoMaysky21).findFirst().orElseThrow()
                .path("annotations").path("description").asText();
        assertTrue(description.contains("нет отчёта за текущий период") && description.contains("отчётов не было ни разу"),
                description);
        assertTrue(alerts().stream().noneMatch(a -> a.path("labels").path("alertname").asText()
                .equals("IndicatorNotReported") && a.path("labels").path("municipality").asText().equals("amursky")
                && a.path("labels").path("indicator").asText().equals("2.1")), "Амурский район reported 2.1");
    }

    @Test
    void indicator_off_track_fires_for_khabarovsk_2_1_naming_forecast_target_and_what_is_needed() {
        Predicate<JsonNode> khabarovsk21 = alert -> alert.path("labels").path("alertname").asText()
                .equals("IndicatorOffTrack") && alert.path("labels").path("region").asText().equals("27")
                && alert.path("labels").path("municipality").asText().isEmpty()
                && alert.path("labels").path("indicator").asText().equals("2.1")
                && alert.path("state").asText().equals("firing");
        awaitTrue("IndicatorOffTrack firing for Khabarovsk 2.1", () -> alerts().stream().anyMatch(khabarovsk21));
        String description = alerts().stream().filter(khabarovsk21).findFirst().orElseThrow()
                .path("annotations").path("description").asText();
        // 7.39 % in October, 7.97 % in November: 8.55 % by December; 2.03 pp in one month, 3,011 more students.
        assertTrue(description.contains("прогноз на декабрь 8.55 %, цель года 10.00 %; нужно +2.03 п.п. в месяц, "
                + "ещё 3011 (students_with_access) при нынешнем знаменателе"), description);
        assertTrue(alerts().stream().noneMatch(a -> a.path("labels").path("alertname").asText()
                .equals("IndicatorOffTrack") && a.path("labels").path("municipality").asText().equals("bikinsky")
                && a.path("labels").path("indicator").asText().equals("2.1")), "Бикинский район is on track (18 %)");
    }

    private static List<JsonNode> alerts() {
        try {
            List<JsonNode> alerts = new ArrayList<>();
            JSON.readTree(get(prometheusUrl + "/api/v1/alerts")).path("data").path("alerts").forEach(alerts::add);
            return alerts;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String substituted(String expr) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(VARIABLES.getOrDefault(m.group(1), m.group(0))));
        }
        return m.appendTail(out).toString();
    }

    private static JsonNode query(String expr) {
        return json(prometheusUrl + "/api/v1/query?query=" + encode(expr));
    }

    private static JsonNode rangeQuery(String expr) {
        long now = Instant.now().getEpochSecond() + 1; // the next whole second: the last scrape is inside the range
        return json(prometheusUrl + "/api/v1/query_range?query=" + encode(expr) + "&start=" + (now - 60) + "&end="
                + now + "&step=5");
    }

    private static JsonNode result(JsonNode answer) {
        return answer.path("data").path("result");
    }

    private static JsonNode json(String url) {
        try {
            return JSON.readTree(get(url));
        } catch (IOException e) {
            throw new AssertionError(url, e);
        }
    }

    private static String get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("waited 60 s for " + what);
    }

    private static boolean installed(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path copied(String resource) throws IOException {
        Path target = work.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = DashboardQueriesAgainstPrometheusTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
