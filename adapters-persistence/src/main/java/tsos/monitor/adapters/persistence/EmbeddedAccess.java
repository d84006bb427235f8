package tsos.monitor.adapters.persistence;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may enter the embedded PostgreSQL: nobody without a password. The superuser and the service's own role each
 * have a generated password kept in the data directory (mode 600, in a directory of mode 700); connections come
 * over the loopback only, authenticated by SCRAM; the service connects as {@value #SERVICE_ROLE}, which owns its
 * database and nothing else; Grafana as {@value #READER_ROLE}, which may read the reporting tables and nothing else
 * (their grant is in the migration that makes them). A data directory made by an earlier version (trust for everyone, everything owned by
 * the superuser in the database {@code postgres}) is brought to this on its first start.
 */
final class EmbeddedAccess {

    static final String SERVICE_ROLE = "tsos";
    static final String READER_ROLE = "tsos_reader";
    static final String DATABASE = "tsos";
    private static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAccess.class);

    private static final String PG_HBA = """
            # Written by tsos-monitor at every start: passwords (SCRAM) over the loopback, nothing else.
            # No "trust", no unix socket (unix_socket_directories is empty).
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """;

    private final Path data;
    private final Path superuserPasswordFile;
    private final Path servicePasswordFile;
    private final Path readerPasswordFile;
    private final Path pendingSuperuserPasswordFile;

    EmbeddedAccess(Path data) {
        this.data = data;
        this.pendingSuperuserPasswordFile = data.resolveSibling(data.getFileName() + ".superuser-password-pending");
        this.superuserPasswordFile = data.resolve("superuser.password");
        this.servicePasswordFile = data.resolve("service.password");
        this.readerPasswordFile = data.resolve("reader.password");
    }

    /** A data directory initdb has not made yet. */
    boolean fresh() {
        return !Files.exists(data.resolve("PG_VERSION"));
    }

    /**
     * The superuser's password for this start. Until the server has it, it waits in a file beside the data
     * directory: initdb reads it ({@code --pwfile}, see {@link #initdbPasswordFile()}) for a fresh directory,
     * single-user mode sets it for a directory from before passwords; {@link #beforeEveryStart} then moves it in.
     */
    String superuserPassword() throws IOException {
        if (Files.exists(superuserPasswordFile)) {
            return Files.readString(superuserPasswordFile).strip();
        }
        return OwnerOnly.secret(pendingSuperuserPasswordFile);
    }

    /** For a fresh directory: the file initdb's {@code --pwfile} reads (initdb wants the directory empty). */
    Path initdbPasswordFile() throws IOException {
        superuserPassword();
        return pendingSuperuserPasswordFile;
    }

    /**
     * Before the postmaster starts (initdb done): the superuser's password in place, pg_hba without trust,
     * nothing under the directory writable by others.
     */
    void beforeEveryStart(Path binaries, boolean initdbRan) {
        try {
            if (Files.exists(pendingSuperuserPasswordFile)) {
                if (!initdbRan) {
                    giveTheSuperuserAPassword(binaries, superuserPassword());
                }
                Files.move(pendingSuperuserPasswordFile, superuserPasswordFile, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(data.resolve("pg_hba.conf"), PG_HBA);
            OwnerOnly.folder(data);
            OwnerOnly.noWriteByOthers(data);
        } catch (IOException e) {
            throw new IllegalStateException("could not secure the embedded PostgreSQL in " + data, e);
        }
    }

    /**
     * A directory from before passwords: the superuser gets one in single-user mode (no server running, no
     * connection possible), so that trust is never needed again, not even for a moment.
     */
    private void giveTheSuperuserAPassword(Path binaries, String password) throws IOException {
        LOG.warn("the embedded PostgreSQL in {} trusted every local connection: giving it passwords", data);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(postgresBinary(binaries).toString(), "--single", "-D", data.toString(), "postgres"));
        Process singleUser = new ProcessBuilder(command).redirectErrorStream(true).start();
        singleUser.getOutputStream().write(("alter role " + SUPERUSER + " password '" + password + "'\n")
                .getBytes(StandardCharsets.UTF_8));
        singleUser.getOutputStream().close();
        String output = new String(singleUser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (singleUser.waitFor() != 0 || output.contains("ERROR")) {
                throw new IOException("single-user PostgreSQL could not set the superuser's password: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The postgres binary zonky unpacked last into {@code binaries} (PG-<digest>/bin/postgres). */
    private static Path postgresBinary(Path binaries) throws IOException {
        try (Stream<Path> unpacked = Files.list(binaries)) {
            return unpacked.filter(dir -> Files.isExecutable(dir.resolve("bin/postgres")))
                    .max(Comparator.comparingLong(dir -> dir.resolve(".exists").toFile().lastModified()))
                    .map(dir -> dir.resolve("bin/postgres"))
                    .orElseThrow(() -> new IOException("no PostgreSQL binaries in " + binaries));
        }
    }

    /**
     * Once the server runs: the service's role (its password from its file, made on first use), its database
     * owned by it — the earlier version's tables, in the database {@code postgres}, become that database, owned by
     * the role too. What is already so is only checked: one connection and one commit (the password) on a start of
     * a directory set up before, not three connections and four commits.
     */
    String provisionServiceRole(String host, int port) throws IOException, SQLException {
        String password = OwnerOnly.secret(servicePasswordFile);
        // From template1: a database cannot be renamed while connected to it.
        try (Connection admin = superuser(host, port, "template1"); Statement sql = admin.createStatement()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", SERVICE_ROLE)) {
                sql.execute("create role " + SERVICE_ROLE + " login nosuperuser nocreatedb nocreaterole "
                        + "noreplication nobypassrls");
            }
            // Always: the file is what the role's password is, whatever happened to either since.
            admin.unwrap(PGConnection.class).alterUserPassword(SERVICE_ROLE, password.toCharArray(),
                    "scram-sha-256");
            if (!exists(admin, "select 1 from pg_database where datname = ?", DATABASE)) {
                if (earlierLayout(host, port)) {
                    LOG.warn("the service's tables move from the database postgres to {}, owned by {}",
                            DATABASE, SERVICE_ROLE);
                    sql.execute("alter database postgres rename to " + DATABASE);
                    sql.execute("create database postgres");
                } else {
                    sql.execute("create database " + DATABASE + " owner " + SERVICE_ROLE);
                }
            }
            // The schema first, the database last: a start stopped in between hands the schema over again.
            if (!exists(admin, "select 1 from pg_database where datname = ? and datdba = 'tsos'::regrole::oid",
                    DATABASE)) {
                try (Connection tsos = superuser(host, port, DATABASE); Statement schema = tsos.createStatement()) {
                    schema.execute(HAND_OVER_THE_SCHEMA);
                }
                sql.execute("alter database " + DATABASE + " owner to " + SERVICE_ROLE);
            }
            if (exists(admin, "select 1 where has_database_privilege('public', ?, 'connect, temporary')",
                    DATABASE)) {
                sql.execute("revoke connect, temporary on database " + DATABASE + " from public");
            }
            provisionReaderRole(admin, sql);
        }
        return password;
    }

    /**
     * The role Grafana reads the reporting tables as: it may connect to the service's database, and the migration
     * that makes those tables grants it SELECT on them (it runs after this); nothing else is granted to it.
     */
    private void provisionReaderRole(Connection admin, Statement sql) throws IOException, SQLException {
        if (!exists(admin, "select 1 from pg_roles where rolname = ?", READER_ROLE)) {
            sql.execute("create role " + READER_ROLE + " login nosuperuser nocreatedb nocreaterole noreplication "
                    + "nobypassrls");
        }
        admin.unwrap(PGConnection.class).alterUserPassword(READER_ROLE, OwnerOnly.secret(readerPasswordFile)
                .toCharArray(), "scram-sha-256");
        sql.execute("grant connect on database " + DATABASE + " to " + READER_ROLE);
    }

    /** The reader's password, made on its first start (mode 600). */
    Path readerPasswordFile() {
        return readerPasswordFile;
    }

    /** The earlier version's layout: the service's tables in the database {@code postgres}. */
    private boolean earlierLayout(String host, int port) throws IOException, SQLException {
        try (Connection postgres = superuser(host, port, "postgres")) {
            return exists(postgres, "select 1 from pg_tables where schemaname = 'public' and tablename = ?",
                    "flyway_schema_history");
        }
    }

    /** Everything in the schema public not yet the service's becomes its (tables first: their sequences follow). */
    private static final String HAND_OVER_THE_SCHEMA = """
            do $$
            declare
              object record;
            begin
              for object in select c.oid::regclass::text as name from pg_class c
                            where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
                              and c.relowner <> 'tsos'::regrole loop
                execute format('alter table %s owner to tsos', object.name);
              end loop;
              for object in select c.oid::regclass::text as name from pg_class c
                            where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
                              and c.relowner <> 'tsos'::regrole loop
                execute format('alter sequence %s owner to tsos', object.name);
              end loop;
              for object in select p.oid::regprocedure::text as name from pg_proc p
                            where p.pronamespace = 'public'::regnamespace and p.proowner <> 'tsos'::regrole loop
                execute format('alter routine %s owner to tsos', object.name);
              end loop;
            end $$""";

    /** A checkpoint, which the service's role may not force (the benchmark times writes after one). */
    void checkpoint(String host, int port) throws IOException, SQLException {
        try (Connection tsos = superuser(host, port, DATABASE); Statement sql = tsos.createStatement()) {
            sql.execute("checkpoint");
        }
    }

    private Connection superuser(String host, int port, String database) throws IOException, SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", superuserPassword());
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
    }

    private static boolean exists(Connection connection, String query, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
