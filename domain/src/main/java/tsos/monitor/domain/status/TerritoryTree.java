package tsos.monitor.domain.status;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * The territories that reported, and every ancestor of theirs, as a tree: what a ratio of sums walks. It is the
 * same for every indicator of a region's month, so it is built once for all of them.
 */
public final class TerritoryTree {

    private final Map<TerritoryCode, Set<TerritoryCode>> children = new HashMap<>();

    private TerritoryTree() {
    }

    public static TerritoryTree of(Collection<TerritoryCode> reporting) {
        TerritoryTree tree = new TerritoryTree();
        for (TerritoryCode code : reporting) {
            TerritoryCode child = code;
            for (Optional<TerritoryCode> parent = code.parent(); parent.isPresent(); parent = parent.get().parent()) {
                tree.children.computeIfAbsent(parent.get(), p -> new LinkedHashSet<>()).add(child);
                child = parent.get();
            }
        }
        return tree;
    }

    Set<TerritoryCode> childrenOf(TerritoryCode territory) {
        return children.getOrDefault(territory, Set.of());
    }
}
