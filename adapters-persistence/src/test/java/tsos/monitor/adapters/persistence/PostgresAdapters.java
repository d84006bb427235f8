package tsos.monitor.adapters.persistence;

import io.micronaut.context.ApplicationContext;

/** The adapters over the one test database of this JVM, in one application context that every test shares. */
final class PostgresAdapters {

    private static ApplicationContext context;

    private PostgresAdapters() {
    }

    static synchronized ApplicationContext context() {
        if (context == null) {
            context = ApplicationContext.run(TestDatabase.datasourceProperties());
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "test-context-close"));
        }
        return context;
    }

    static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }
}
