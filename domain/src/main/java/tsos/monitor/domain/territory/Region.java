package tsos.monitor.domain.territory;

public record Region(TerritoryCode code, String name) implements Territory {

    public Region {
        if (code.level() != TerritoryLevel.REGION) {
            throw new IllegalArgumentException(code + " is not the code of a region");
        }
        name = Territory.checkedName(name);
    }
}
