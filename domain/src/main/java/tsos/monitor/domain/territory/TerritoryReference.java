package tsos.monitor.domain.territory;

/**
 * A territory as a sender names it: a region's subject code, a municipality by code or by its name within the
 * region, a school by code. {@link TerritoryResolution} finds the registered {@link Territory} it names.
 */
public record TerritoryReference(String region, String municipality, String school) {

    public TerritoryReference {
        region = region == null ? "" : region.strip();
        municipality = municipality == null ? "" : municipality.strip();
        school = school == null ? "" : school.strip();
    }

    public static TerritoryReference of(TerritoryCode code) {
        return new TerritoryReference(code.region(), code.municipality(), code.school());
    }

    @Override
    public String toString() {
        return region + (municipality.isEmpty() ? "" : "/" + municipality) + (school.isEmpty() ? "" : "/" + school);
    }
}
