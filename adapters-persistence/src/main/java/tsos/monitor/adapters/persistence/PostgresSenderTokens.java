package tsos.monitor.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tsos.monitor.domain.port.SenderTokens;
import tsos.monitor.domain.sender.Sender;
import tsos.monitor.domain.sender.SenderToken;

@Singleton
final class PostgresSenderTokens implements SenderTokens {

    private static final String COLUMNS = "select id, sender, regions, admin, created_at, revoked_at from sender_token ";

    private final Sql jdbc;

    PostgresSenderTokens(Sql jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SenderToken> findActive(String tokenHash) {
        return jdbc.prepareStatement(COLUMNS + "where token_hash = ? and revoked_at is null", statement -> {
            statement.setString(1, tokenHash);
            return readAll(statement).stream().findFirst();
        });
    }

    @Override
    public SenderToken store(Sender sender, String tokenHash) {
        return jdbc.prepareStatement("insert into sender_token (sender, token_hash, regions, admin) values (?, ?, ?, ?) "
                + "returning id, sender, regions, admin, created_at, revoked_at", statement -> {
            statement.setString(1, sender.name());
            statement.setString(2, tokenHash);
            statement.setArray(3, statement.getConnection().createArrayOf("varchar", sender.regions().toArray()));
            statement.setBoolean(4, sender.admin());
            return readAll(statement).get(0);
        });
    }

    @Override
    public List<SenderToken> all() {
        return jdbc.prepareStatement(COLUMNS + "order by id", PostgresSenderTokens::readAll);
    }

    @Override
    public Optional<SenderToken> revoke(String id) {
        long tokenId;
        try {
            tokenId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("update sender_token set revoked_at = coalesce(revoked_at, now()) where id = ? "
                + "returning id, sender, regions, admin, created_at, revoked_at", statement -> {
            statement.setLong(1, tokenId);
            return readAll(statement).stream().findFirst();
        });
    }

    @Override
    public boolean anyActiveAdmin() {
        return jdbc.prepareStatement("select exists (select 1 from sender_token where admin and revoked_at is null)",
                statement -> {
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getBoolean(1);
                    }
                });
    }

    private static List<SenderToken> readAll(PreparedStatement statement) throws SQLException {
        List<SenderToken> tokens = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Array regions = rows.getArray(3);
                Set<String> regionSet = Set.of((String[]) regions.getArray());
                Timestamp revoked = rows.getTimestamp(6);
                tokens.add(new SenderToken(Long.toString(rows.getLong(1)),
                        new Sender(rows.getString(2), regionSet, rows.getBoolean(4)),
                        rows.getTimestamp(5).toInstant(),
                        Optional.ofNullable(revoked).map(Timestamp::toInstant)));
            }
        }
        return tokens;
    }
}
