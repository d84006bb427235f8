package tsos.monitor.service;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;

/**
 * While the embedded PostgreSQL is extracted, initialised and started (external processes, one core), the other
 * core loads the classes the context's start will need: Micronaut's bean definitions, then the libraries it starts.
 */
final class ClassWarmUp {

    private static final String[] LIBRARIES = {"org.flywaydb.core.Flyway", "com.zaxxer.hikari.HikariDataSource",
        "org.postgresql.Driver", "io.grpc.netty.NettyServerBuilder", "io.micronaut.http.server.netty.NettyHttpServer"};

    private ClassWarmUp() {
    }

    static void start() {
        Thread warmUp = new Thread(ClassWarmUp::load, "class-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static void load() {
        ClassLoader loader = ClassWarmUp.class.getClassLoader();
        try {
            for (BeanDefinitionReference<?> reference : SoftServiceLoader.load(BeanDefinitionReference.class, loader)
                    .disableFork().collectAll()) {
                reference.getBeanType();
            }
            for (String library : LIBRARIES) {
                Class.forName(library, true, loader);
            }
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            // Only a head start: whatever is not loaded here is loaded when the context needs it.
        }
    }
}
