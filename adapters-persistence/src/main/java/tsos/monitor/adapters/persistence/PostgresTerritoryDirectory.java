package tsos.monitor.adapters.persistence;


import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryReference;

/**
 * Territories in PostgreSQL, with an index in memory: a national batch resolves tens of thousands of rows, and
 * a query per row would be most of its cost. What the index misses is looked up in the database (another
 * replica may have registered it) and kept; registering clears the index, so renames are seen.
 */
@Singleton
final class PostgresTerritoryDirectory implements TerritoryDirectory {

    private static final String COLUMNS = "select id, region, municipality, school, name from territory ";

    record Entry(long id, Territory territory) {
    }

    private final Sql jdbc;
    private final Map<TerritoryCode, Entry> byCode = new ConcurrentHashMap<>();
    private final Map<Long, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, TerritoryCode> municipalityByName = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    PostgresTerritoryDirectory(Sql jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Resolution resolve(TerritoryReference reference) {
        TerritoryCode region;
        try {
            region = TerritoryCode.region(reference.region());
        } catch (IllegalArgumentException e) {
            return new NotFound("region", e.getMessage());
        }
        if (entry(region).isEmpty()) {
            return new NotFound("region", "no region with subject code " + clipped(reference.region()));
        }
        if (reference.municipality().isEmpty()) {
            return reference.school().isEmpty() ? new Found(entry(region).get().territory())
                    : new NotFound("municipality", "a school is named within its municipality");
        }
        Optional<Entry> municipality = municipality(region, reference.municipality());
        if (municipality.isEmpty()) {
            return new NotFound("municipality", "no municipality with code or name '"
                    + clipped(reference.municipality()) + "' in region " + region + "; register it first");
        }
        if (reference.school().isEmpty()) {
            return new Found(municipality.get().territory());
        }
        TerritoryCode municipalityCode = municipality.get().territory().code();
        try {
            TerritoryCode school = TerritoryCode.school(region.region(), municipalityCode.municipality(),
                    reference.school());
            return entry(school).<Resolution>map(e -> new Found(e.territory())).orElseGet(() -> new NotFound("school",
                    "no school with code '" + clipped(reference.school()) + "' in municipality " + municipalityCode
                            + "; register it there first"));
        } catch (IllegalArgumentException e) {
            return new NotFound("school", e.getMessage());
        }
    }

    @Override
    public Optional<Territory> find(TerritoryCode code) {
        return entry(code).map(Entry::territory);
    }

    /** The code of a stored territory id, from memory (or the database, for one registered elsewhere since). */
    TerritoryCode codeOf(long id) {
        loadOnce();
        Entry entry = byId.get(id);
        if (entry == null) {
            jdbc.prepareStatement(COLUMNS + "where id = ?", statement -> {
                statement.setLong(1, id);
                return readAll(statement);
            }).forEach(this::index);
            entry = byId.get(id);
        }
        if (entry == null) {
            throw new IllegalStateException("no territory with id " + id);
        }
        return entry.territory().code();
    }

    long idOf(TerritoryCode code) {
        return entry(code).orElseThrow(() -> new IllegalStateException("territory " + code + " is not registered")).id();
    }

    @Override
    public List<Territory> regions() {
        return jdbc.prepareStatement(COLUMNS + "where municipality = '' order by region",
                PostgresTerritoryDirectory::readAll).stream().map(Entry::territory).toList();
    }

    @Override
    public List<Territory> children(TerritoryCode parent) {
        return jdbc.prepareStatement(COLUMNS + "where parent_id = ? order by region, municipality, school", statement -> {
            statement.setLong(1, idOf(parent));
            return readAll(statement);
        }).stream().map(Entry::territory).toList();
    }

    @Override
    public List<Territory> within(TerritoryCode region) {
        return jdbc.prepareStatement(COLUMNS + "where region = ? and municipality <> '' order by municipality, school",
                statement -> {
            statement.setString(1, region.region());
            return readAll(statement);
        }).stream().map(Entry::territory).toList();
    }

    @Override
    public int register(List<Territory> territories) {
        int registered = 0;
        for (Territory territory : territories) {
            TerritoryCode code = territory.code();
            long parentId = idOf(code.parent().orElseThrow(
                    () -> new IllegalArgumentException("regions ship with the schema; " + code + " is one")));
            registered += jdbc.prepareStatement("""
                    insert into territory (region, municipality, school, name, parent_id) values (?, ?, ?, ?, ?)
                    on conflict (region, municipality, school) do update set name = excluded.name
                    """, statement -> {
                statement.setString(1, code.region());
                statement.setString(2, code.municipality());
                statement.setString(3, code.school());
                statement.setString(4, territory.name());
                statement.setLong(5, parentId);
                return statement.executeUpdate();
            });
        }
        clearIndex(); // renames: the index is read again from the database on its next use
        return registered;
    }

    private void clearIndex() {
        loaded = false;
        byCode.clear();
        byId.clear();
        municipalityByName.clear();
    }

    private Optional<Entry> municipality(TerritoryCode region, String codeOrName) {
        if (codeOrName.length() > 256 || codeOrName.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty(); // no registered name is like this, and PostgreSQL refuses NUL in text
        }
        try {
            Optional<Entry> byItsCode = entry(TerritoryCode.municipality(region.region(), codeOrName));
            if (byItsCode.isPresent()) {
                return byItsCode;
            }
        } catch (IllegalArgumentException notACode) {
            // a name may hold characters a code may not ('/'): look it up by name
        }
        String key = nameKey(region.region(), codeOrName);
        TerritoryCode code = municipalityByName.get(key);
        if (code != null) {
            return entry(code);
        }
        List<Entry> found = jdbc.prepareStatement(COLUMNS
                + "where region = ? and lower(name) = ? and municipality <> '' and school = ''", statement -> {
            statement.setString(1, region.region());
            statement.setString(2, codeOrName.strip().toLowerCase(Locale.ROOT));
            return readAll(statement);
        });
        found.forEach(this::index);
        return found.stream().findFirst();
    }

    private Optional<Entry> entry(TerritoryCode code) {
        loadOnce();
        Entry entry = byCode.get(code);
        if (entry != null) {
            return Optional.of(entry);
        }
        List<Entry> found = jdbc.prepareStatement(COLUMNS + "where region = ? and municipality = ? and school = ?",
                statement -> {
                    statement.setString(1, code.region());
                    statement.setString(2, code.municipality());
                    statement.setString(3, code.school());
                    return readAll(statement);
                });
        found.forEach(this::index);
        return found.stream().findFirst();
    }

    private void loadOnce() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    jdbc.prepareStatement(COLUMNS, PostgresTerritoryDirectory::readAll).forEach(this::index);
                    loaded = true;
                }
            }
        }
    }

    private void index(Entry entry) {
        TerritoryCode code = entry.territory().code();
        byCode.put(code, entry);
        byId.put(entry.id(), entry);
        if (code.level() == tsos.monitor.domain.territory.TerritoryLevel.MUNICIPALITY) {
            municipalityByName.put(nameKey(code.region(), entry.territory().name()), code);
        }
    }

    private static String clipped(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String nameKey(String region, String name) {
        return region + "\n" + name.strip().toLowerCase(Locale.ROOT);
    }

    private static List<Entry> readAll(PreparedStatement statement) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TerritoryCode code = new TerritoryCode(rows.getString(2), rows.getString(3), rows.getString(4));
                entries.add(new Entry(rows.getLong(1), Territory.of(code, rows.getString(5))));
            }
        }
        return entries;
    }
}
