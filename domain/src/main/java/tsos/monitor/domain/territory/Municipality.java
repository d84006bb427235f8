package tsos.monitor.domain.territory;

public record Municipality(TerritoryCode code, String name) implements Territory {

    public Municipality {
        if (code.level() != TerritoryLevel.MUNICIPALITY) {
            throw new IllegalArgumentException(code + " is not the code of a municipality");
        }
        name = Territory.checkedName(name);
    }
}
