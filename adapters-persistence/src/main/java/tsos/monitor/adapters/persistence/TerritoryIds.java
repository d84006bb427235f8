package tsos.monitor.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * The row id of each stored territory, for the stores that write and read facts by it. A territory keeps its id
 * for good (a rename changes only its name), so what is known is kept: every id is read at first use, one
 * registered since (here or by another replica) when it is first asked for.
 */
@Singleton
final class TerritoryIds {

    private final Sql jdbc;
    private final Map<TerritoryCode, Long> idByCode = new ConcurrentHashMap<>();
    private final Map<Long, TerritoryCode> codeById = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    TerritoryIds(Sql jdbc) {
        this.jdbc = jdbc;
    }

    long idOf(TerritoryCode code) {
        loadOnce();
        Long id = idByCode.get(code);
        if (id == null) {
            read("where region = ? and municipality = ? and school = ?", statement -> {
                statement.setString(1, code.region());
                statement.setString(2, code.municipality());
                statement.setString(3, code.school());
            });
            id = idByCode.get(code);
        }
        if (id == null) {
            throw new IllegalStateException("territory " + code + " is not registered");
        }
        return id;
    }

    TerritoryCode codeOf(long id) {
        loadOnce();
        TerritoryCode code = codeById.get(id);
        if (code == null) {
            read("where id = ?", statement -> statement.setLong(1, id));
            code = codeById.get(id);
        }
        if (code == null) {
            throw new IllegalStateException("no territory with id " + id);
        }
        return code;
    }

    void remember(long id, TerritoryCode code) {
        idByCode.put(code, id);
        codeById.put(id, code);
    }

    private void loadOnce() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    read("", statement -> {
                    });
                    loaded = true;
                }
            }
        }
    }

    @FunctionalInterface
    private interface Parameters {
        void set(java.sql.PreparedStatement statement) throws java.sql.SQLException;
    }

    private void read(String where, Parameters parameters) {
        jdbc.prepareStatement("select id, region, municipality, school from territory " + where, statement -> {
            parameters.set(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    remember(rows.getLong(1), new TerritoryCode(rows.getString(2), rows.getString(3),
                            rows.getString(4)));
                }
            }
            return null;
        });
    }
}
