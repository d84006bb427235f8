package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.service.TsosCommandLineTest.Run;

/**
 * The year dashboard (grafana/dashboards/year.json) against the real datasource: the reporting tables of a running
 * service with the demo data (and three months of Krasnoyarsk's 2.1, as in YearOutlookCommandLineTest), read as the
 * role Grafana uses, every query with its template variables substituted as Grafana substitutes a single value
 * (the text as it is, inside the quotes the query has). The figures are those `tsos plan` and `tsos forecast` print.
 */
class YearDashboardQueriesTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
    private static final Map<String, String> KRASNOYARSK = Map.of("region", "24", "year", "2024",
            "municipality", "24", "indicator", "2.1");
    private static final Map<String, String> EMELYANOVSKY = Map.of("region", "24", "year", "2024",
            "municipality", "24/emelyanovsky", "indicator", "2.1");
    private static final Map<String, String> AMURSKY = Map.of("region", "27", "year", "2022",
            "municipality", "27/amursky", "indicator", "2.3");

    @TempDir
    static Path data;

    private static ServiceRuntime service;
    private static String server;
    private static String token;

    @BeforeAll
    static void startAServiceOfItsOwnWithTheDemoData() throws IOException {
        // A database of its own: the figures below are the whole of regions 24 and 27.
        service = ServiceRuntime.start(new ServiceRuntime.Settings(data, 0, 0), Optional.empty());
        server = "127.0.0.1:" + service.grpcPort();
        token = Tokens.admin(service);
        Path territories = Files.writeString(data.resolve("territories-24.tsv"), """
                region\tmunicipality_code\tmunicipality_name
                24\temelyanovsky\tЕмельяновский район
                """);
        Path actuals = Files.writeString(data.resolve("reports-24-2024.tsv"), """
                region\tmunicipality\tperiod\tstudents_with_access\tstudents_total
                24\t\t2024-01\t4700\t10000
                24\t\t2024-02\t4750\t10000
                24\t\t2024-03\t4800\t10000
                24\temelyanovsky\t2024-01\t300\t1000
                24\temelyanovsky\t2024-02\t305\t1000
                24\temelyanovsky\t2024-03\t310\t1000
                """);
        load(demo("territories-27-khabarovsk.tsv"), demo("plans-27-khabarovsk-2022.tsv"),
                demo("quotas-27-khabarovsk-2022.tsv"), demo("reports-27-khabarovsk-2022-11.tsv"), territories,
                demo("plans-24-krasnoyarsk-2024.tsv"), demo("reports-24-krasnoyarsk-2024-09.tsv"), actuals);
        awaitWritten("24");
        awaitWritten("27");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void the_plan_of_every_month_stands_beside_the_actual_with_the_forecast_in_december() throws SQLException {
        List<Map<String, Object>> months = run(KRASNOYARSK, panel("План, факт и прогноз по месяцам"));

        assertEquals(12, months.size(), months.toString());
        assertEquals(row("Месяц", "2024-01", "План, %", "48.00", "Факт, %", "47.00", "Прогноз на декабрь, %", null),
                months.get(0));
        assertEquals(row("Месяц", "2024-04", "План, %", "48.75", "Факт, %", null, "Прогноз на декабрь, %", null),
                months.get(3));
        // September's snapshot brought the region's students_total only: 2.1 is March's 4800 of it, as tsos plan says.
        assertEquals(row("Месяц", "2024-09", "План, %", "49.00", "Факт, %", "1.31", "Прогноз на декабрь, %", null),
                months.get(8));
        assertEquals(row("Месяц", "2024-12", "План, %", "50.00", "Факт, %", null, "Прогноз на декабрь, %",
                tsosForecast("24", "2024-09").get(5)), months.get(11));
    }

    @Test
    void the_year_plan_table_is_the_krasnoyarsk_table_with_the_actuals_under_it() throws SQLException {
        List<Map<String, Object>> table = run(KRASNOYARSK, panel("План на год и факт"));

        Map<String, Object> plan21 = rowOf(table, "2.1", "план, %");
        assertEquals(new BigDecimal("48.00"), plan21.get("янв"));
        assertEquals(new BigDecimal("50.00"), plan21.get("дек"));
        assertEquals(new BigDecimal("81.00"), rowOf(table, "2.2", "план, %").get("дек"));
        assertEquals(new BigDecimal("33.00"), rowOf(table, "2.3", "план, %").get("дек"));
        Map<String, Object> actual21 = rowOf(table, "2.1", "факт, %");
        assertEquals(new BigDecimal("48.00"), actual21.get("мар"));
        assertEquals(null, actual21.get("апр"));
        assertTrue(table.stream().anyMatch(r -> r.get("Показатель").equals("myschool.students_in_platform")
                && r.get("Ряд").equals("факт, %") && new BigDecimal("4.51").equals(r.get("сен"))),
                "an indicator reported without a plan has its actuals: " + table);
    }

    @Test
    void the_forecast_is_the_one_tsos_forecast_prints_for_the_region_and_its_municipalities() throws SQLException {
        List<Map<String, Object>> territories = run(EMELYANOVSKY, panel("Прогноз по региону и муниципалитетам"));

        assertEquals(List.of("Красноярский край", "Емельяновский район"),
                territories.stream().map(r -> r.get("Территория")).toList());
        for (Map<String, Object> territory : territories) {
            List<String> printed = tsosForecast((String) territory.get("Код"), (String) territory.get("Прогноз по месяцу"));
            assertEquals(printed.subList(4, 10), Stream.of("Факт, %", "Прогноз на декабрь, %", "Цель года, %",
                    "Нужный темп, п. п. в месяц", "Нужно ещё", "Состояние")
                    .map(column -> String.valueOf(territory.get(column))).toList(), territory.toString());
        }
        // Емельяновский район reported until March: half a point a month brings it to 35.50 % of its 50.00.
        assertEquals(List.of("24/emelyanovsky", "Емельяновский район", "2.1", "2024-03", "31.00", "35.50", "50.00",
                "2.11", "190", "OFF_TRACK"), tsosForecast("24/emelyanovsky", "2024-03"));
        assertEquals(List.of(row("Прогноз по месяцу", "2024-03", "Числитель", 310L, "Знаменатель", 1000L,
                        "Факт, %", "31.00", "Прогноз на декабрь, %", "35.50", "Цель года, %", "50.00",
                        "Нужный темп, п. п. в месяц", "2.11", "Нужно ещё", 190L, "Состояние", "OFF_TRACK")),
                run(EMELYANOVSKY, panel("Прогноз до декабря")));
    }

    @Test
    void a_municipality_under_its_own_quota_has_a_row_for_every_month_even_without_counts() throws SQLException {
        List<Map<String, Object>> months = run(AMURSKY, panel("Месяцы года"));

        assertEquals(12, months.size());
        assertEquals(row("Месяц", "2022-11", "План, %", null, "Квота", 2L, "Чей план", "own", "Числитель", null,
                "Знаменатель", null, "Факт, %", null, "Отклонение, п. п.", null, "Состояние", "NO_DATA"),
                months.get(10));
        assertTrue(run(AMURSKY, panel("План на год и факт")).stream().anyMatch(r -> r.get("Ряд").equals("квота")
                && Long.valueOf(2).equals(((Number) r.get("ноя")).longValue())), "the quota row of the year table");
    }

    @Test
    void every_query_and_variable_of_the_year_dashboard_returns_rows_as_the_reader() throws SQLException, IOException {
        List<String> empty = new ArrayList<>();
        for (Map<String, String> variables : List.of(KRASNOYARSK, EMELYANOVSKY, AMURSKY)) {
            for (GrafanaDashboards.Query query : GrafanaDashboards.queries(GrafanaDashboards.POSTGRES)) {
                if (run(variables, query.expr()).isEmpty()) {
                    empty.add(variables + " " + query.panel());
                }
            }
            for (var variable : GrafanaDashboards.read(GrafanaDashboards.DASHBOARDS.resolve("year.json"))
                    .path("templating").path("list")) {
                if (run(variables, variable.path("query").asText()).isEmpty()) {
                    empty.add(variables + " variable " + variable.path("name").asText());
                }
            }
        }
        assertEquals(List.of(), empty);
        assertTrue(GrafanaDashboards.queries(GrafanaDashboards.POSTGRES).size() >= 6);
        List<Object> territories = run(KRASNOYARSK, variableQuery("municipality")).stream()
                .map(r -> r.get("__value")).toList();
        assertEquals(List.of("24", "24/emelyanovsky"), territories);
        assertTrue(run(KRASNOYARSK, variableQuery("region")).stream().map(r -> r.get("__value")).toList()
                .containsAll(List.of("24", "27")));
    }

    @Test
    void the_reader_can_read_the_reporting_tables_and_nothing_else_and_write_nothing() throws Exception {
        Path password = data.resolve("postgres/reader.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        try (Connection reader = reader(); Statement sql = reader.createStatement()) {
            for (String table : List.of("year_status", "year_forecast", "year_status_region")) {
                sql.executeQuery("select count(*) from " + table).close();
            }
            for (String statement : List.of(
                    "insert into year_status_region values ('24', 999, now())",
                    "update year_status set plan_percent = 100",
                    "delete from year_forecast",
                    "truncate year_status",
                    "select * from reported_value limit 1",
                    "select * from territory limit 1",
                    "select * from sender_token limit 1",
                    "select * from region_revision limit 1",
                    "create table mine (x int)")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
                assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
            }
        }
    }

    @Test
    void the_table_follows_a_new_batch() throws Exception {
        Path december = Files.writeString(data.resolve("reports-27-2022-12.tsv"), """
                region\tperiod\tstudents_with_access\tstudents_total
                27\t2022-12\t12000\t148870
                """);
        load(december);

        awaitWritten("27");
        List<Map<String, Object>> months = run(Map.of("region", "27", "year", "2022", "municipality", "27",
                "indicator", "2.1"), panel("Месяцы года"));
        Map<String, Object> row = months.get(11);
        assertEquals(List.of("2022-12", 12000L, 148870L, "8.06"), List.of(row.get("Месяц"), row.get("Числитель"),
                row.get("Знаменатель"), row.get("Факт, %").toString()));
    }

    /** The line {@code tsos forecast --format tsv} prints for the territory at the month, split at its tabs. */
    private static List<String> tsosForecast(String territory, String month) {
        Run printed = TsosCommandLineTest.tsos("forecast", "--server", server, "--region", territory.substring(0, 2),
                "--indicator", "2.1", "--month", month, "--format", "tsv");
        assertEquals(0, printed.exitCode(), printed.err());
        return printed.out().lines().filter(line -> line.startsWith(territory + "\t")).findFirst()
                .map(line -> List.of(line.split("\t", -1)))
                .orElseThrow(() -> new AssertionError(territory + " not in " + printed.out()));
    }

    private static void load(Path... tables) {
        List<String> args = new ArrayList<>(List.of("load", "--server", server, "--token", token));
        for (Path table : tables) {
            args.add(table.toString());
        }
        Run loaded = TsosCommandLineTest.tsos(args.toArray(String[]::new));
        assertEquals(0, loaded.exitCode(), loaded.err());
    }

    /** Until the region's rows were written at its current revision (the service checks every 5 s). */
    private static void awaitWritten(String region) {
        await("year_status of region " + region, () -> {
            try (Connection owner = DriverManager.getConnection(service.jdbcUrl(), service.databaseUser(),
                    service.databasePassword()); Statement sql = owner.createStatement();
                 ResultSet row = sql.executeQuery("select r.revision = w.revision from region_revision r "
                         + "join year_status_region w using (region) where region = '" + region + "'")) {
                return row.next() && row.getBoolean(1);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static String panel(String titleStart) {
        return GrafanaDashboards.queries(GrafanaDashboards.POSTGRES).stream()
                .filter(query -> query.panel().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no panel " + titleStart)).expr();
    }

    private static String variableQuery(String name) {
        for (var variable : GrafanaDashboards.read(GrafanaDashboards.DASHBOARDS.resolve("year.json"))
                .path("templating").path("list")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("query").asText();
            }
        }
        throw new AssertionError("no variable " + name);
    }

    /** The query as Grafana sends it for these values, run as tsos_reader: each row by column label. */
    private static List<Map<String, Object>> run(Map<String, String> variables, String query) throws SQLException {
        Matcher m = VARIABLE.matcher(query);
        StringBuilder sqlText = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new AssertionError("no value for $" + m.group(1) + " in " + query);
            }
            m.appendReplacement(sqlText, Matcher.quoteReplacement(value));
        }
        m.appendTail(sqlText);
        try (Connection reader = reader(); Statement sql = reader.createStatement();
             ResultSet rows = sql.executeQuery(sqlText.toString())) {
            ResultSetMetaData columns = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    private static Connection reader() throws SQLException {
        try {
            return DriverManager.getConnection(service.jdbcUrl(), "tsos_reader",
                    Files.readString(data.resolve("postgres/reader.password")).strip());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A row from label, value pairs; a percent as its text ("48.00"), compared as the numeric PostgreSQL returns. */
    private static Map<String, Object> row(Object... labelThenValue) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < labelThenValue.length; i += 2) {
            Object value = labelThenValue[i + 1];
            row.put((String) labelThenValue[i], value instanceof String text && text.matches("\\d+\\.\\d{2}")
                    ? new BigDecimal(text) : value);
        }
        return row;
    }

    private static Map<String, Object> rowOf(List<Map<String, Object>> table, String indicator, String kind) {
        return table.stream().filter(r -> r.get("Показатель").equals(indicator) && r.get("Ряд").equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + indicator + " " + kind + ": " + table));
    }

    private static Path demo(String name) throws IOException {
        Path target = data.resolve(name);
        try (InputStream in = YearDashboardQueriesTest.class.getResourceAsStream("/demo/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("waited 60 s for " + what);
    }
}
