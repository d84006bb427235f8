package tsos.monitor.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/**
 * Territories in PostgreSQL, each region's kept in memory under the region's revision: a national batch resolves
 * tens of thousands of rows, and a query per row would be most of its cost. Registering advances the revision
 * (see {@code Planning}), so a rename made through any replica is read again by every one at its next use.
 */
@Singleton
final class PostgresTerritoryDirectory implements TerritoryDirectory {

    private static final String COLUMNS = "select id, region, municipality, school, name from territory ";

    /** A region's territories, the region first, as they were at its revision. */
    private record Snapshot(long revision, List<Territory> territories, Map<TerritoryCode, Territory> byCode) {
    }

    private final Sql jdbc;
    private final RegionRevisions revisions;
    private final TerritoryIds ids;
    private final Map<TerritoryCode, Snapshot> regions = new ConcurrentHashMap<>();

    PostgresTerritoryDirectory(Sql jdbc, RegionRevisions revisions, TerritoryIds ids) {
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.ids = ids;
    }

    @Override
    public List<Territory> ofRegion(TerritoryCode region) {
        return snapshot(region).territories();
    }

    @Override
    public Optional<Territory> find(TerritoryCode code) {
        return Optional.ofNullable(snapshot(code.regionCode()).byCode().get(code));
    }

    @Override
    public List<Territory> regions() {
        return jdbc.prepareStatement(COLUMNS + "where municipality = '' order by region", this::readAll);
    }

    @Override
    public List<Territory> children(TerritoryCode parent) {
        Optional<TerritoryCode> ofParent = Optional.of(parent);
        return snapshot(parent.regionCode()).territories().stream()
                .filter(territory -> territory.code().parent().equals(ofParent)).toList();
    }

    @Override
    public List<Territory> within(TerritoryCode region) {
        return snapshot(region).territories().stream()
                .filter(territory -> territory.level() != TerritoryLevel.REGION).toList();
    }

    @Override
    public int register(List<Territory> territories) {
        for (Territory territory : territories) {
            TerritoryCode code = territory.code();
            long parentId = ids.idOf(code.parent().orElseThrow(
                    () -> new IllegalArgumentException("regions ship with the schema; " + code + " is one")));
            long id = jdbc.prepareStatement("""
                    insert into territory (region, municipality, school, name, parent_id) values (?, ?, ?, ?, ?)
                    on conflict (region, municipality, school) do update set name = excluded.name returning id
                    """, statement -> {
                statement.setString(1, code.region());
                statement.setString(2, code.municipality());
                statement.setString(3, code.school());
                statement.setString(4, territory.name());
                statement.setLong(5, parentId);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });
            ids.remember(id, code);
        }
        // This replica reads them again at once, whether or not the caller advanced their revisions.
        territories.forEach(territory -> regions.remove(territory.code().regionCode()));
        return territories.size();
    }

    /** The region's territories, read again when its revision moved (read first: a later change moves it again). */
    private Snapshot snapshot(TerritoryCode region) {
        long revision = revisions.of(region);
        Snapshot kept = regions.get(region);
        if (kept != null && kept.revision() == revision) {
            return kept;
        }
        List<Territory> territories = jdbc.prepareStatement(COLUMNS
                + "where region = ? order by municipality, school", statement -> {
            statement.setString(1, region.region());
            return readAll(statement);
        });
        Snapshot read = new Snapshot(revision, territories, territories.stream()
                .collect(Collectors.toUnmodifiableMap(Territory::code, Function.identity())));
        regions.put(region, read);
        return read;
    }

    private List<Territory> readAll(PreparedStatement statement) throws SQLException {
        List<Territory> territories = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TerritoryCode code = new TerritoryCode(rows.getString(2), rows.getString(3), rows.getString(4));
                ids.remember(rows.getLong(1), code);
                territories.add(Territory.of(code, rows.getString(5)));
            }
        }
        return territories;
    }
}
