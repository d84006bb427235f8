package tsos.monitor.application.fakes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/** Registered territories in memory; regions are given at construction, as they ship with the schema. */
public final class InMemoryTerritoryDirectory implements TerritoryDirectory {

    private final Map<TerritoryCode, Territory> territories = new LinkedHashMap<>();

    public InMemoryTerritoryDirectory(Territory... known) {
        for (Territory territory : known) {
            territories.put(territory.code(), territory);
        }
    }

    /** Khabarovsk Krai with the fixtures' municipalities, Krasnoyarsk Krai and Dagestan. */
    public static InMemoryTerritoryDirectory standard() {
        InMemoryTerritoryDirectory directory = new InMemoryTerritoryDirectory(Territories.khabarovskKrai(),
                Territories.krasnoyarskKrai(), Territories.dagestan());
        directory.register(List.copyOf(Territories.khabarovskMunicipalities()));
        return directory;
    }

    @Override
    public List<Territory> ofRegion(TerritoryCode region) {
        return find(region).map(found -> Stream.concat(Stream.of(found), within(region).stream()).toList())
                .orElse(List.of());
    }

    @Override
    public Optional<Territory> find(TerritoryCode code) {
        return Optional.ofNullable(territories.get(code));
    }

    @Override
    public List<Territory> regions() {
        return territories.values().stream().filter(t -> t.level() == TerritoryLevel.REGION)
                .sorted(Comparator.comparing(t -> t.code().region())).toList();
    }

    @Override
    public List<Territory> children(TerritoryCode parent) {
        return territories.values().stream().filter(t -> t.code().parent().equals(Optional.of(parent))).toList();
    }

    @Override
    public List<Territory> within(TerritoryCode region) {
        return territories.values().stream().filter(t -> region.isAncestorOf(t.code()))
                .sorted(Comparator.comparing(t -> t.code().toString())).toList();
    }

    @Override
    public int register(List<Territory> newTerritories) {
        for (Territory territory : newTerritories) {
            TerritoryCode parent = territory.code().parent().orElseThrow(
                    () -> new IllegalArgumentException("regions ship with the schema; " + territory.code() + " is one"));
            if (!territories.containsKey(parent)) {
                throw new IllegalArgumentException(territory.code() + ": its parent is not registered");
            }
            territories.put(territory.code(), territory);
        }
        return newTerritories.size();
    }
}
