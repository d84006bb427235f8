package tsos.monitor.service;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Which PostgreSQL to use: the server that {@code DATABASE_URL} (or Micronaut's {@code datasources.default.url})
 * names, else none — and then the service starts an embedded one. {@code DATABASE_URL} may be a JDBC URL or a
 * {@code postgres://user:password@host:port/database} URL.
 */
record DatabaseSettings(String jdbcUrl, String user, String password) {

    static Optional<DatabaseSettings> configured(Map<String, String> environment) {
        String url = environment.get("DATABASE_URL");
        if (url == null || url.isBlank()) {
            url = environment.get("DATASOURCES_DEFAULT_URL");
        }
        if (url == null || url.isBlank()) {
            url = System.getProperty("datasources.default.url");
        }
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String user = environment.getOrDefault("DATABASE_USER", environment.getOrDefault("PGUSER", "postgres"));
        String password = environment.getOrDefault("DATABASE_PASSWORD", environment.getOrDefault("PGPASSWORD", ""));
        if (url.startsWith("jdbc:")) {
            return Optional.of(new DatabaseSettings(url, user, password));
        }
        URI uri = URI.create(url);
        if (uri.getUserInfo() != null) {
            String[] userInfo = uri.getUserInfo().split(":", 2);
            user = userInfo[0];
            password = userInfo.length > 1 ? userInfo[1] : password;
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getQuery() == null ? "" : "?" + uri.getQuery();
        return Optional.of(new DatabaseSettings("jdbc:postgresql://" + uri.getHost() + port + uri.getPath() + query,
                user, password));
    }
}
