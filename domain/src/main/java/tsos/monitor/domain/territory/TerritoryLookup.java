package tsos.monitor.domain.territory;

/** Finds the registered territory a sender's reference names, or says which part of it is unknown. */
@FunctionalInterface
public interface TerritoryLookup {

    Resolution resolve(TerritoryReference reference);

    sealed interface Resolution {
    }

    record Found(Territory territory) implements Resolution {
    }

    /** @param field the part of the reference that is unknown: region, municipality or school */
    record NotFound(String field, String reason) implements Resolution {
    }
}
