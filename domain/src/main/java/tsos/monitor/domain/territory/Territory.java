package tsos.monitor.domain.territory;

import tsos.monitor.domain.refusal.Field;

/** A region, municipality or school: where it stands ({@link TerritoryCode}) and what people call it. */
public sealed interface Territory permits Region, Municipality, School {

    TerritoryCode code();

    String name();

    default TerritoryLevel level() {
        return code().level();
    }

    static Territory of(TerritoryCode code, String name) {
        return switch (code.level()) {
            case REGION -> new Region(code, name);
            case MUNICIPALITY -> new Municipality(code, name);
            case SCHOOL -> new School(code, name);
        };
    }

    static String checkedName(String name) {
        if (name == null || name.isBlank() || name.length() > 256 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTerritory(Field.Column.NAME, "a territory name is 1 to 256 characters with no control characters");
        }
        return name.strip();
    }
}
