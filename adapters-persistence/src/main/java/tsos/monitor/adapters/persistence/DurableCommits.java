package tsos.monitor.adapters.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * A batch answered OK must survive a crash of the database or of the machine: the server must flush its log
 * before it acknowledges a commit ({@code fsync} on, {@code synchronous_commit} not off), and write whole pages
 * after a checkpoint ({@code full_page_writes} on) so that a torn page can be repaired.
 */
public final class DurableCommits {

    private DurableCommits() {
    }

    /** What is wrong with the server's settings for durable commits, if anything. */
    public static Optional<String> problem(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            StringBuilder problems = new StringBuilder();
            if (!setting(statement, "fsync").equals("on")) {
                problems.append("fsync is off (needs on); ");
            }
            if (setting(statement, "synchronous_commit").equals("off")) {
                problems.append("synchronous_commit is off (needs on, local, remote_write or remote_apply); ");
            }
            if (!setting(statement, "full_page_writes").equals("on")) {
                problems.append("full_page_writes is off (needs on); ");
            }
            return problems.isEmpty() ? Optional.empty()
                    : Optional.of(problems.substring(0, problems.length() - 2));
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("show " + name)) {
            row.next();
            return row.getString(1).toLowerCase(Locale.ROOT);
        }
    }
}
