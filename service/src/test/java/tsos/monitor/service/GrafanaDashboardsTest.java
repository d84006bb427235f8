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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What Grafana needs of the provisioned files, checked without a Grafana (none installs here). */
class GrafanaDashboardsTest {

    /** The provisioned datasources by uid, with the plugin type a panel names them by. */
    private static final Map<String, String> DATASOURCES = Map.of(
            GrafanaDashboards.PROMETHEUS, "prometheus",
            GrafanaDashboards.POSTGRES, "grafana-postgresql-datasource");

    @Test
    void the_provisioned_datasources_are_the_ones_every_panel_and_variable_names() throws IOException {
        String prometheus = Files.readString(GrafanaDashboards.ROOT.resolve(
                "grafana/provisioning/datasources/prometheus.yml"));
        assertTrue(prometheus.contains("uid: " + GrafanaDashboards.PROMETHEUS), prometheus);
        String postgres = Files.readString(GrafanaDashboards.ROOT.resolve(
                "grafana/provisioning/datasources/postgres.yml"));
        assertTrue(postgres.contains("uid: " + GrafanaDashboards.POSTGRES), postgres);
        assertTrue(postgres.contains("type: grafana-postgresql-datasource"), postgres);
        assertTrue(postgres.contains("user: tsos_reader"), "Grafana reads as the read-only role: " + postgres);
        for (Path file : GrafanaDashboards.files()) {
            JsonNode dashboard = GrafanaDashboards.read(file);
            for (JsonNode panel : GrafanaDashboards.panels(dashboard)) {
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertProvisioned(panel.path("datasource"), file.getFileName() + ": panel " + panel.path("title").asText());
                panel.path("targets").forEach(target -> assertEquals(panel.path("datasource").path("uid").asText(),
                        target.path("datasource").path("uid").asText(panel.path("datasource").path("uid").asText()),
                        file.getFileName() + ": panel " + panel.path("title").asText() + " mixes datasources"));
            }
            dashboard.path("templating").path("list").forEach(variable -> {
                if (variable.path("type").asText().equals("query")) {
                    assertProvisioned(variable.path("datasource"),
                            file.getFileName() + ": variable " + variable.path("name").asText());
                }
            });
        }
    }

    @Test
    void the_sql_panels_are_raw_queries_without_grafana_macros_so_that_the_tests_run_them_as_grafana_would() {
        List<GrafanaDashboards.Query> sql = GrafanaDashboards.queries(GrafanaDashboards.POSTGRES);
        assertFalse(sql.isEmpty(), "the year dashboard reads PostgreSQL");
        for (GrafanaDashboards.Query query : sql) {
            String where = query.dashboard() + " / " + query.panel();
            assertTrue(query.target().path("rawQuery").asBoolean(), where + ": rawQuery");
            assertEquals("code", query.target().path("editorMode").asText(), where + ": editorMode");
            assertTrue(List.of("table", "time_series").contains(query.target().path("format").asText()),
                    where + ": format");
            assertFalse(query.expr().contains("$__"), where + ": a macro the tests do not expand: " + query.expr());
        }
    }

    private static void assertProvisioned(JsonNode datasource, String where) {
        String uid = datasource.path("uid").asText();
        assertTrue(DATASOURCES.containsKey(uid), where + ": datasource " + uid);
        assertEquals(DATASOURCES.get(uid), datasource.path("type").asText(), where + ": type of " + uid);
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
        assertEquals(Set.of("tsos-region", "tsos-municipality", "tsos-national", "tsos-data-quality", "tsos-year"),
                uids);
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
        assertVariables("year.json", List.of("region", "year", "municipality", "indicator"));
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
