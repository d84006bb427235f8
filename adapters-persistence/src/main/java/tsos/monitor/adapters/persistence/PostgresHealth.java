package tsos.monitor.adapters.persistence;

import jakarta.inject.Singleton;
import tsos.monitor.domain.port.StoreHealth;

@Singleton
final class PostgresHealth implements StoreHealth {

    private final Sql jdbc;

    PostgresHealth(Sql jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean reachable() {
        try {
            return jdbc.prepareStatement("select 1", statement -> {
                statement.setQueryTimeout(2);
                return statement.execute();
            });
        } catch (RuntimeException e) {
            return false;
        }
    }
}
