package tsos.monitor.domain.territory;

public record School(TerritoryCode code, String name) implements Territory {

    public School {
        if (code.level() != TerritoryLevel.SCHOOL) {
            throw new IllegalArgumentException(code + " is not the code of a school");
        }
        name = Territory.checkedName(name);
    }
}
