package tsos.monitor.application;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.refusal.Validated;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * A write to some regions' data, in one transaction: their revisions advanced first, as a batch of reports does,
 * so that the writers of a region follow one another in one order and every replica reads the change.
 */
final class RegionWrite {

    private final Transactions transactions;
    private final RegionRevisions revisions;

    RegionWrite(Transactions transactions, RegionRevisions revisions) {
        this.transactions = transactions;
        this.revisions = revisions;
    }

    /**
     * Rows that are every one valid, stored by {@code store} in one transaction after their regions' revisions,
     * and counted; rows the rule refused, refused as it refused them.
     */
    <T> WriteResult<Integer> rows(Validated<List<T>> checked, Function<T, TerritoryCode> territoryOf,
                                  Consumer<List<T>> store) {
        return checked.fold(valid -> {
            transactions.inTransaction(() -> {
                revisions.advance(valid.stream().map(row -> territoryOf.apply(row).regionCode())
                        .collect(Collectors.toSet()));
                store.accept(valid);
                return null;
            });
            return new WriteResult.Stored<>(valid.size());
        }, WriteResult.Refused::new);
    }
}
