package tsos.monitor.service;

import java.nio.file.Path;
import java.util.Optional;
import tsos.monitor.adapters.persistence.TestDatabase;

/** The one PostgreSQL of the test run, shared by the services the tests start over it (each with its own files). */
final class SharedDatabase {

    private SharedDatabase() {
    }

    /** A service over the shared database, on free ports, its own files in {@code data}. */
    static ServiceRuntime service(Path data) {
        return service(new ServiceRuntime.Settings(data, 0, 0));
    }

    static ServiceRuntime service(ServiceRuntime.Settings settings) {
        return ServiceRuntime.start(settings, Optional.of(settings()));
    }

    static DatabaseSettings settings() {
        return new DatabaseSettings(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
    }
}
