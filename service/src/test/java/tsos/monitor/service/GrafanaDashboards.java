package tsos.monitor.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The provisioned dashboards as the tests read them: every panel's queries and every variable. */
final class GrafanaDashboards {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DASHBOARDS = ROOT.resolve("grafana/dashboards");

    /** The provisioned datasources' uids (grafana/provisioning/datasources). */
    static final String PROMETHEUS = "tsos-prometheus";
    static final String POSTGRES = "tsos-postgres";

    /** A panel's query: PromQL for Prometheus, SQL ({@code rawSql}) for PostgreSQL. */
    record Query(String dashboard, String panel, String refId, String datasource, String expr, JsonNode target) {
    }

    private GrafanaDashboards() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel, rows' nested panels included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        return panels;
    }

    /** Every panel query sent to one datasource. */
    static List<Query> queries(String datasource) {
        return queries().stream().filter(query -> query.datasource().equals(datasource)).toList();
    }

    static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : files()) {
            JsonNode dashboard = read(file);
            for (JsonNode panel : panels(dashboard)) {
                panel.path("targets").forEach(target -> queries.add(new Query(dashboard.path("uid").asText(),
                        panel.path("title").asText(), target.path("refId").asText(),
                        target.path("datasource").path("uid").asText(panel.path("datasource").path("uid").asText()),
                        target.has("rawSql") ? target.path("rawSql").asText() : target.path("expr").asText(),
                        target)));
            }
        }
        return queries;
    }
}
