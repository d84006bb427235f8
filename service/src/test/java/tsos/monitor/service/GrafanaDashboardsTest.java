package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What Grafana needs of the provisioned files, checked without a Grafana (none installs here). */
class GrafanaDashboardsTest {

    private static final String DATASOURCE_UID = "tsos-prometheus";

    @Test
    void the_provisioned_datasource_is_the_one_every_panel_and_variable_names() throws IOException {
        String datasource = Files.readString(GrafanaDashboards.ROOT.resolve(
                "grafana/provisioning/datasources/prometheus.yml"));
        assertTrue(datasource.contains("uid: " + DATASOURCE_UID), datasource);
        for (Path file : GrafanaDashboards.files()) {
            JsonNode dashboard = GrafanaDashboards.read(file);
            for (JsonNode panel : GrafanaDashboards.panels(dashboard)) {
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertEquals(DATASOURCE_UID, panel.path("datasource").path("uid").asText(),
                        file.getFileName() + ": panel " + panel.path("title").asText());
            }
            dashboard.path("templating").path("list").forEach(variable -> {
                if (variable.path("type").asText().equals("query")) {
                    assertEquals(DATASOURCE_UID, variable.path("datasource").path("uid").asText(),
                            file.getFileName() + ": variable " + variable.path("name").asText());
                }
            });
        }
    }

    @Test
    void every_dashboard_has_a_stable_unique_uid_a_title_and_panels_with_queries() {
        Set<String> uids = new HashSet<>();
        for (Path file : GrafanaDashboards.files()) {
            JsonNode dashboard = GrafanaDashboards.read(file);
            String uid = dashboard.path("uid").asText();
            assertTrue(uid.matches("[a-z0-9-]{1,40}"), file + ": uid " + uid);
            assertTrue(uids.add(uid), "uid used twice: " + uid);
            assertFalse(dashboard.path("title").asText().isBlank(), file + " has no title");
            assertTrue(dashboard.path("schemaVersion").asInt() >= 36, file + ": schemaVersion");
            assertFalse(dashboard.has("id") && !dashboard.path("id").isNull(), file + ": a provisioned dashboard has no id");
        }
        assertEquals(Set.of("tsos-region", "tsos-municipality", "tsos-national", "tsos-data-quality"), uids);
        for (GrafanaDashboards.Query query : GrafanaDashboards.queries()) {
            String where = query.dashboard() + " / " + query.panel();
            assertFalse(query.refId().isBlank(), where + ": a target without refId");
            assertFalse(query.expr().isBlank(), where + ": a target without expr");
        }
    }

    @Test
    void the_views_have_the_template_variables_an_operator_chooses_from() {
        assertVariables("region-overview.json", List.of("region", "indicator"));
        assertVariables("municipality.json", List.of("region", "municipality", "indicator"));
        assertVariables("national.json", List.of("indicator"));
        assertVariables("data-quality.json", List.of("region"));
    }

    @Test
    void the_dashboard_provider_reads_the_folder_compose_mounts_the_dashboards_in() throws IOException {
        String provider = Files.readString(GrafanaDashboards.ROOT.resolve("grafana/provisioning/dashboards/tsos.yml"));
        String compose = Files.readString(GrafanaDashboards.ROOT.resolve("docker-compose.yml"));
        assertTrue(provider.contains("/var/lib/grafana/dashboards"), provider);
        assertTrue(compose.contains("./grafana/dashboards:/var/lib/grafana/dashboards"), compose);
    }

    private static void assertVariables(String file, List<String> names) {
        JsonNode dashboard = GrafanaDashboards.read(GrafanaDashboards.DASHBOARDS.resolve(file));
        Set<String> defined = new HashSet<>();
        dashboard.path("templating").path("list").forEach(v -> defined.add(v.path("name").asText()));
        assertTrue(defined.containsAll(names), file + " defines " + defined);
    }
}
