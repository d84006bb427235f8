package tsos.monitor.domain.indicator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Two indicators where one's denominator is the other's numerator: "active of registered" over "registered of
 * all" (schools active in Sferum of those registered, schools registered of all schools). From their counts a
 * territory is named as the Orel slides name it: not registered at all, or registered with nobody active. Found
 * from the catalogue's definitions, so an indicator added as data gets its lists with no code.
 */
public record ActivityOfRegistered(IndicatorDefinition registered, IndicatorDefinition active) {

    public enum Standing { NOT_REGISTERED, REGISTERED_BUT_INACTIVE, ACTIVE }

    public ActivityOfRegistered {
        if (!active.denominator().equals(registered.numerator())) {
            throw new IllegalArgumentException(active.code() + " is not the activity of " + registered.code());
        }
    }

    /**
     * Every such pair among the definitions, in their order; of two registration indicators with the same counts
     * (indicator 10 of the motivating monitoring is Sferum's schools registered), the first.
     */
    public static List<ActivityOfRegistered> in(Collection<IndicatorDefinition> definitions) {
        List<ActivityOfRegistered> pairs = new ArrayList<>();
        for (IndicatorDefinition registered : definitions) {
            for (IndicatorDefinition active : definitions) {
                boolean sameCountsAsEarlier = pairs.stream().anyMatch(pair -> pair.active().equals(active)
                        && pair.registered().denominator().equals(registered.denominator()));
                if (active.denominator().equals(registered.numerator()) && !sameCountsAsEarlier) {
                    pairs.add(new ActivityOfRegistered(registered, active));
                }
            }
        }
        return pairs;
    }

    /**
     * A territory's standing from its two shares: none registered (of a whole above zero), some registered and
     * none of them active, or active; empty when the counts do not tell (not reported, or inconsistent).
     */
    public static Optional<Standing> standingOf(Optional<Share> registered, Optional<Share> active) {
        if (registered.isEmpty() || !registered.get().isConsistent() || registered.get().denominator() == 0) {
            return Optional.empty();
        }
        if (registered.get().numerator() == 0) {
            return Optional.of(Standing.NOT_REGISTERED);
        }
        if (active.isEmpty() || !active.get().isConsistent()) {
            return Optional.empty();
        }
        return Optional.of(active.get().numerator() == 0 ? Standing.REGISTERED_BUT_INACTIVE : Standing.ACTIVE);
    }
}
