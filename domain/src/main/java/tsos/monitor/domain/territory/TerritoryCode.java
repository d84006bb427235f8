package tsos.monitor.domain.territory;

import tsos.monitor.domain.refusal.Field;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a territory stands in the hierarchy, by codes: a region's two-digit subject code, then the code the
 * sending system gives a municipality, then a school's code. An empty string means "this level and below are
 * absent", so the parent of a code is the code with its last part emptied.
 */
public record TerritoryCode(String region, String municipality, String school) {

    private static final Pattern SUBJECT_CODE = Pattern.compile("\\d{2}");
    private static final int MAX_CODE_LENGTH = 64;

    public TerritoryCode {
        if (region == null || !SUBJECT_CODE.matcher(region).matches()) {
            throw new InvalidTerritory(Field.Column.REGION, "a region is a two-digit subject code, not '"
                    + (region != null && region.length() > 20 ? region.substring(0, 20) + "…" : region) + "'");
        }
        municipality = checkedPart(Field.Column.MUNICIPALITY, municipality);
        school = checkedPart(Field.Column.SCHOOL, school);
        if (municipality.isEmpty() && !school.isEmpty()) {
            throw new InvalidTerritory(Field.Column.MUNICIPALITY, "a school belongs to a municipality");
        }
    }

    private static String checkedPart(Field.Column field, String code) {
        String what = field.word();
        String trimmed = code == null ? "" : code.strip();
        if (trimmed.length() > MAX_CODE_LENGTH || trimmed.contains("/") || hasControlCharacter(trimmed)) {
            throw new InvalidTerritory(field, "a " + what + " code has at most " + MAX_CODE_LENGTH
                    + " characters, no '/' and no control characters");
        }
        return trimmed;
    }

    private static boolean hasControlCharacter(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (Character.isISOControl(code.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static TerritoryCode region(String region) {
        return new TerritoryCode(region, "", "");
    }

    public static TerritoryCode municipality(String region, String municipality) {
        if (municipality == null || municipality.isBlank()) {
            throw new InvalidTerritory(Field.Column.MUNICIPALITY, "a municipality needs a code");
        }
        return new TerritoryCode(region, municipality, "");
    }

    public static TerritoryCode school(String region, String municipality, String school) {
        if (school == null || school.isBlank()) {
            throw new InvalidTerritory(Field.Column.SCHOOL, "a school needs a code");
        }
        return new TerritoryCode(region, municipality, school);
    }

    /** Parses the form {@link #toString()} writes: "27", "27/0870", "27/0870/1234". */
    public static TerritoryCode parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("a territory code has at most three parts: '" + text + "'");
        }
        return new TerritoryCode(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
    }

    public TerritoryLevel level() {
        if (!school.isEmpty()) {
            return TerritoryLevel.SCHOOL;
        }
        return municipality.isEmpty() ? TerritoryLevel.REGION : TerritoryLevel.MUNICIPALITY;
    }

    public Optional<TerritoryCode> parent() {
        return switch (level()) {
            case REGION -> Optional.empty();
            case MUNICIPALITY -> Optional.of(region(region));
            case SCHOOL -> Optional.of(new TerritoryCode(region, municipality, ""));
        };
    }

    public TerritoryCode regionCode() {
        return region(region);
    }

    public boolean isAncestorOf(TerritoryCode other) {
        return !equals(other) && other.level().ordinal() > level().ordinal() && other.truncatedTo(level()).equals(this);
    }

    /** The ancestor of this code at the given level (or this code itself at its own level). */
    public TerritoryCode truncatedTo(TerritoryLevel target) {
        return switch (target) {
            case REGION -> region(region);
            case MUNICIPALITY -> new TerritoryCode(region, municipality, "");
            case SCHOOL -> this;
        };
    }

    @Override
    public String toString() {
        return switch (level()) {
            case REGION -> region;
            case MUNICIPALITY -> region + "/" + municipality;
            case SCHOOL -> region + "/" + municipality + "/" + school;
        };
    }
}
