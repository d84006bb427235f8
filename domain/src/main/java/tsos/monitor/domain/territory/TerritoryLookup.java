package tsos.monitor.domain.territory;

import java.util.function.Function;
import tsos.monitor.domain.refusal.Field;

/** Finds the registered territory a sender's reference names, or says which part of it is unknown. */
@FunctionalInterface
public interface TerritoryLookup {

    Resolution resolve(TerritoryReference reference);

    sealed interface Resolution {

        /** What {@code found} makes of the territory, or {@code notFound} of the reason there is none. */
        <T> T fold(Function<Territory, T> found, Function<NotFound, T> notFound);
    }

    record Found(Territory territory) implements Resolution {
        @Override
        public <T> T fold(Function<Territory, T> found, Function<NotFound, T> notFound) {
            return found.apply(territory);
        }
    }

    /** @param field the part of the reference that is unknown: region, municipality or school */
    record NotFound(Field.Column field, String reason) implements Resolution {
        @Override
        public <T> T fold(Function<Territory, T> found, Function<NotFound, T> notFound) {
            return notFound.apply(this);
        }
    }
}
