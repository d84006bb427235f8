package tsos.monitor.domain.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/**
 * A territory's value for an indicator: its own report where it has one, else the ratio of sums over its
 * children (Σ numerators / Σ denominators), never the average of their percents. A school without the
 * indicator's counts of its own is judged by the indicator's {@code SchoolUsageRule} (1 of 1 school using, or
 * 0 of 1), or is inconsistent when those counts contradict each other. A child whose counts are inconsistent is left out of its parent's sums, and counted as left out.
 */
public final class RatioOfSums {

    /** The share, how many reporting territories it sums, and how many inconsistent ones it left out. */
    public record Result(Optional<Share> share, int territoriesSummed, int inconsistentLeftOut) {
        static final Result NOTHING = new Result(Optional.empty(), 0, 0);
    }

    private final IndicatorDefinition indicator;
    private final Map<TerritoryCode, Counts> counts;
    private final TerritoryTree tree;
    private final Map<TerritoryCode, Result> results = new HashMap<>();

    /** @param counts the latest counts of every territory of the subtrees that will be asked about */
    public RatioOfSums(IndicatorDefinition indicator, Map<TerritoryCode, Counts> counts) {
        this(indicator, counts, TerritoryTree.of(counts.keySet()));
    }

    /** @param tree the tree of the territories in {@code counts}, shared by the indicators of the same counts */
    public RatioOfSums(IndicatorDefinition indicator, Map<TerritoryCode, Counts> counts, TerritoryTree tree) {
        this.indicator = indicator;
        this.counts = counts;
        this.tree = tree;
    }

    public Result of(TerritoryCode territory) {
        Result known = results.get(territory);
        if (known == null) {
            known = compute(territory);
            // Schools are leaves, cheap to compute again and most of the territories: only their parents are kept.
            if (territory.level() != TerritoryLevel.SCHOOL) {
                results.put(territory, known);
            }
        }
        return known;
    }

    private Result compute(TerritoryCode territory) {
        Optional<Share> own = ownShare(territory);
        if (own.isPresent()) {
            return new Result(own, 1, 0);
        }
        return overChildren(tree.childrenOf(territory).stream().map(this::of).toList());
    }

    /**
     * A parent's figure from its children's: the sum of the consistent ones, the inconsistent left out and
     * counted. The country's figure over its regions is this too.
     */
    public static Result overChildren(List<Result> children) {
        Share consistent = Share.NONE;
        Share inconsistent = Share.NONE;
        int summed = 0;
        int leftOut = 0;
        for (Result result : children) {
            if (result.share().isEmpty()) {
                continue;
            }
            Share share = result.share().get();
            if (share.isConsistent()) {
                consistent = consistent.plus(share);
                summed += result.territoriesSummed();
                leftOut += result.inconsistentLeftOut();
            } else {
                inconsistent = inconsistent.plus(share);
                leftOut += 1;
            }
        }
        if (summed > 0) {
            return new Result(Optional.of(consistent), summed, leftOut);
        }
        // Only inconsistent children: their sum is inconsistent too, and so is this territory.
        return leftOut > 0 ? new Result(Optional.of(inconsistent), 0, leftOut) : Result.NOTHING;
    }

    private Optional<Share> ownShare(TerritoryCode territory) {
        Counts own = counts.get(territory);
        if (own == null) {
            return Optional.empty();
        }
        Optional<Share> reported = indicator.shareIn(own);
        if (reported.isPresent() || territory.level() != TerritoryLevel.SCHOOL) {
            return reported;
        }
        // A school whose rule counts contradict each other is inconsistent: its share is the offending pair.
        return indicator.schoolRule().flatMap(rule -> rule.contradiction(own).or(() -> rule.countsAsUsing(own)
                .map(using -> new Share(using ? 1 : 0, 1))));
    }
}
