package tsos.monitor.domain.territory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tsos.monitor.domain.port.RegisteredTerritories;
import tsos.monitor.domain.refusal.Field.Column;

/**
 * Which registered territory a sender's reference names: a region by its subject code, a municipality by its code
 * or else by its {@link MunicipalityName} within the region, a school by its code within its municipality; when
 * there is none, the part of the reference at fault. Each region is read once per resolution, so one is made per
 * batch or question (and sees the territories as they were when it read them).
 */
public final class TerritoryResolution implements TerritoryLookup {

    private final RegisteredTerritories registered;
    private final Map<TerritoryCode, Optional<RegionIndex>> read = new HashMap<>();

    private TerritoryResolution(RegisteredTerritories registered) {
        this.registered = registered;
    }

    public static TerritoryResolution over(RegisteredTerritories registered) {
        return new TerritoryResolution(registered);
    }

    @Override
    public Resolution resolve(TerritoryReference reference) {
        TerritoryCode regionCode;
        try {
            regionCode = TerritoryCode.region(reference.region());
        } catch (InvalidTerritory e) {
            return new NotFound(Column.REGION, e.getMessage());
        }
        Optional<RegionIndex> region = read.computeIfAbsent(regionCode,
                code -> RegionIndex.of(registered.ofRegion(code)));
        if (region.isEmpty()) {
            return new NotFound(Column.REGION, "no region with subject code " + regionCode.region());
        }
        if (reference.municipality().isEmpty()) {
            return reference.school().isEmpty() ? new Found(region.get().region())
                    : new NotFound(Column.MUNICIPALITY, "a school is named within its municipality");
        }
        Optional<Territory> municipality = region.get().municipality(reference.municipality());
        if (municipality.isEmpty()) {
            return new NotFound(Column.MUNICIPALITY, "no municipality with code or name '"
                    + clipped(reference.municipality()) + "' in region " + regionCode + "; register it first");
        }
        if (reference.school().isEmpty()) {
            return new Found(municipality.get());
        }
        TerritoryCode municipalityCode = municipality.get().code();
        TerritoryCode school;
        try {
            school = TerritoryCode.school(municipalityCode.region(), municipalityCode.municipality(),
                    reference.school());
        } catch (InvalidTerritory e) {
            return new NotFound(Column.SCHOOL, e.getMessage());
        }
        return region.get().school(school).<Resolution>map(Found::new).orElseGet(() -> new NotFound(Column.SCHOOL,
                "no school with code '" + clipped(reference.school()) + "' in municipality " + municipalityCode
                        + "; register it there first"));
    }

    private static String clipped(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** One region's territories, found by code, and its municipalities by name too (the first by code wins). */
    private record RegionIndex(Territory region, Map<String, Territory> municipalityByCode,
                               Map<MunicipalityName, Territory> municipalityByName,
                               Map<TerritoryCode, Territory> schools) {

        static Optional<RegionIndex> of(List<Territory> territories) {
            Territory region = null;
            Map<String, Territory> byCode = new HashMap<>();
            Map<MunicipalityName, Territory> byName = new HashMap<>();
            Map<TerritoryCode, Territory> schools = new HashMap<>();
            for (Territory territory : territories) {
                switch (territory.level()) {
                    case REGION -> region = territory;
                    case MUNICIPALITY -> {
                        byCode.put(territory.code().municipality(), territory);
                        byName.putIfAbsent(MunicipalityName.of(territory.name()), territory);
                    }
                    case SCHOOL -> schools.put(territory.code(), territory);
                }
            }
            return Optional.ofNullable(region).map(r -> new RegionIndex(r, byCode, byName, schools));
        }

        Optional<Territory> municipality(String codeOrName) {
            Territory byItsCode = municipalityByCode.get(codeOrName);
            return byItsCode != null ? Optional.of(byItsCode)
                    : Optional.ofNullable(municipalityByName.get(MunicipalityName.of(codeOrName)));
        }

        Optional<Territory> school(TerritoryCode code) {
            return Optional.ofNullable(schools.get(code));
        }
    }
}
