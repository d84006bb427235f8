package tsos.monitor.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.territory.TerritoryCode;

@Singleton
final class PostgresRegionRevisions implements RegionRevisions {

    private final Sql jdbc;

    PostgresRegionRevisions(Sql jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void advance(Set<TerritoryCode> regions) {
        // In the order of the codes, so that two transactions advancing the same regions cannot deadlock.
        List<String> codes = regions.stream().map(TerritoryCode::region).distinct().sorted().toList();
        jdbc.prepareStatement("update region_revision set revision = revision + 1 where region = ?", statement -> {
            for (String code : codes) {
                statement.setString(1, code);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    @Override
    public long of(TerritoryCode region) {
        return jdbc.prepareStatement("select revision from region_revision where region = ?", statement -> {
            statement.setString(1, region.region());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    @Override
    public Map<TerritoryCode, Long> all() {
        return jdbc.prepareStatement("select region, revision from region_revision", statement -> {
            Map<TerritoryCode, Long> revisions = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    revisions.put(TerritoryCode.region(rows.getString(1)), rows.getLong(2));
                }
            }
            return revisions;
        });
    }
}
