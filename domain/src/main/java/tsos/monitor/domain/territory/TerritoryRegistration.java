package tsos.monitor.domain.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tsos.monitor.domain.port.RegisteredTerritories;
import tsos.monitor.domain.refusal.Field.Column;
import tsos.monitor.domain.refusal.Refusal;
import tsos.monitor.domain.refusal.Refusal.Ground;
import tsos.monitor.domain.refusal.Refusal.Rows;
import tsos.monitor.domain.refusal.Validated;
import tsos.monitor.domain.refusal.Violation;

/**
 * The rules of a list of territories to register: a municipality by its code, in a region that exists; a school by
 * its code, in a municipality registered before or listed with it (named by code or name, as
 * {@link TerritoryResolution} finds it); each with a name. Every bad field of every row is named, the
 * municipalities' and the schools' in lists of their own.
 */
public final class TerritoryRegistration {

    /** A municipality to register, as a ministry's table names it. */
    public record SubmittedMunicipality(String region, String code, String name) {
    }

    /** A school to register, its municipality named by code or by name. */
    public record SubmittedSchool(String region, String municipality, String code, String name) {
    }

    /** Every row valid: the municipalities, then the schools (whose municipalities come first). */
    public record NewTerritories(List<Territory> municipalities, List<Territory> schools) {
    }

    private final RegisteredTerritories registered;

    public TerritoryRegistration(RegisteredTerritories registered) {
        this.registered = registered;
    }

    public Validated<NewTerritories> check(List<SubmittedMunicipality> municipalityRows, List<SubmittedSchool> schoolRows) {
        Map<TerritoryCode, List<Territory>> read = new HashMap<>();
        RegisteredTerritories once = region -> read.computeIfAbsent(region, registered::ofRegion);
        List<Violation> ofMunicipalities = new ArrayList<>();
        List<Territory> municipalities = new ArrayList<>();
        for (int row = 0; row < municipalityRows.size(); row++) {
            municipality(row, municipalityRows.get(row), once, ofMunicipalities).ifPresent(municipalities::add);
        }
        TerritoryLookup withListed = TerritoryResolution.over(region -> withListed(once.ofRegion(region),
                municipalities));
        List<Violation> ofSchools = new ArrayList<>();
        List<Territory> schools = new ArrayList<>();
        for (int row = 0; row < schoolRows.size(); row++) {
            school(row, schoolRows.get(row), withListed, ofSchools).ifPresent(schools::add);
        }
        return ofMunicipalities.isEmpty() && ofSchools.isEmpty()
                ? new Validated.Valid<>(new NewTerritories(municipalities, schools))
                : new Validated.Invalid<>(new Refusal(Ground.INVALID,
                        Map.of(Rows.MUNICIPALITIES, ofMunicipalities, Rows.SCHOOLS, ofSchools)));
    }

    private static Optional<Territory> municipality(int row, SubmittedMunicipality submitted,
                                                    RegisteredTerritories registered, List<Violation> violations) {
        Optional<TerritoryCode> code = checked(row, violations,
                () -> TerritoryCode.municipality(submitted.region(), submitted.code()));
        if (code.isPresent() && registered.ofRegion(code.get().regionCode()).isEmpty()) {
            violations.add(new Violation(row, Column.REGION, "no region with subject code " + submitted.region()));
            code = Optional.empty();
        }
        Optional<String> name = checked(row, violations, () -> Territory.checkedName(submitted.name()));
        return code.isPresent() && name.isPresent() ? Optional.of(Territory.of(code.get(), name.get()))
                : Optional.empty();
    }

    private static Optional<Territory> school(int row, SubmittedSchool submitted, TerritoryLookup municipalities,
                                              List<Violation> violations) {
        Optional<Territory> municipality = municipalities.resolve(new TerritoryReference(submitted.region(),
                submitted.municipality(), "")).fold(Optional::of, notFound -> {
                    violations.add(new Violation(row, notFound.field(), notFound.reason()));
                    return Optional.empty();
                });
        Optional<String> name = checked(row, violations, () -> Territory.checkedName(submitted.name()));
        if (municipality.isEmpty()) {
            return Optional.empty();
        }
        TerritoryCode of = municipality.get().code();
        Optional<TerritoryCode> code = checked(row, violations,
                () -> TerritoryCode.school(of.region(), of.municipality(), submitted.code()));
        return code.isPresent() && name.isPresent() ? Optional.of(Territory.of(code.get(), name.get()))
                : Optional.empty();
    }

    /** The value a rule of a code or name gives, or the field it names as at fault. */
    private static <T> Optional<T> checked(int row, List<Violation> violations, Supplier<T> rule) {
        try {
            return Optional.of(rule.get());
        } catch (InvalidTerritory e) {
            violations.add(new Violation(row, e.field(), e.getMessage()));
            return Optional.empty();
        }
    }

    /** A region's registered territories with the listed municipalities of it, those listed first (a rename wins). */
    private static List<Territory> withListed(List<Territory> registered, List<Territory> listed) {
        if (registered.isEmpty()) {
            return registered;
        }
        TerritoryCode region = registered.get(0).code().regionCode();
        Map<TerritoryCode, Territory> all = new LinkedHashMap<>();
        listed.stream().filter(t -> t.code().regionCode().equals(region)).forEach(t -> all.put(t.code(), t));
        registered.forEach(t -> all.putIfAbsent(t.code(), t));
        return List.copyOf(all.values());
    }
}
