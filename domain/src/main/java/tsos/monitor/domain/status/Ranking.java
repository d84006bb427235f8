package tsos.monitor.domain.status;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;

/**
 * Territories ranked by an indicator, highest percent first; those without a percent (no data, inconsistent)
 * follow in the order of their codes. The leader is the first with a percent, the outsider the last.
 */
public record Ranking(List<IndicatorStatus> ranked) {

    /** A status with what it is ranked by, computed once rather than at every comparison. */
    private record Ranked(IndicatorStatus status, Percent percent, long denominator, String code) {
        static Ranked of(IndicatorStatus status) {
            return new Ranked(status, status.percent().orElse(null), status.actual().map(Share::denominator)
                    .orElse(0L), status.territory().code().toString());
        }
    }

    private static final Comparator<Ranked> BY_PERCENT_THEN_COUNTS = Comparator
            .comparing(Ranked::percent, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Ranked::denominator, Comparator.reverseOrder())
            .thenComparing(Ranked::code);

    public Ranking {
        ranked = ranked.stream().map(Ranked::of).sorted(BY_PERCENT_THEN_COUNTS).map(Ranked::status).toList();
    }

    public Optional<IndicatorStatus> leader() {
        return ranked.stream().filter(s -> s.percent().isPresent()).findFirst();
    }

    public Optional<IndicatorStatus> outsider() {
        List<IndicatorStatus> withPercent = ranked.stream().filter(s -> s.percent().isPresent()).toList();
        return withPercent.size() < 2 ? Optional.empty() : Optional.of(withPercent.get(withPercent.size() - 1));
    }

    /** How many a place is among: those with a percent. */
    public long placed() {
        return ranked.stream().filter(s -> s.percent().isPresent()).count();
    }

    /** 1-based place of a territory among those with a percent. */
    public Optional<Integer> placeOf(IndicatorStatus status) {
        int index = ranked.indexOf(status);
        return index < 0 ? Optional.empty() : placeAt(index);
    }

    /** The place of the {@code index}-th ranked: those with a percent come first, so their place follows the index. */
    public Optional<Integer> placeAt(int index) {
        return ranked.get(index).percent().isPresent() ? Optional.of(index + 1) : Optional.empty();
    }
}
