package tsos.monitor.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SharePropertiesTest {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Property(tries = 2000)
    void the_percent_of_a_consistent_share_is_between_0_and_100_and_is_the_exact_fraction_rounded_half_up(
            @ForAll("consistentShares") Share share) {
        Percent percent = share.percent().orElseThrow();

        assertTrue(percent.value().signum() >= 0, percent::toString);
        assertTrue(percent.value().compareTo(HUNDRED) <= 0, percent::toString);
        // Independent of the implementation: hundredths = floor((20000 · num + den) / (2 · den)), half-up.
        BigInteger numerator = BigInteger.valueOf(share.numerator());
        BigInteger denominator = BigInteger.valueOf(share.denominator());
        BigInteger hundredths = numerator.multiply(BigInteger.valueOf(20_000)).add(denominator)
                .divide(denominator.shiftLeft(1));
        assertEquals(new BigDecimal(hundredths, 2), percent.value());
    }

    @Property(tries = 500)
    void a_numerator_above_its_denominator_never_has_a_percent(@ForAll("inconsistentShares") Share share) {
        assertTrue(share.percent().isEmpty());
    }

    @Provide
    Arbitrary<Share> consistentShares() {
        Arbitrary<Long> denominators = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 1_000),
                Arbitraries.longs().between(1, 20_000_000),
                Arbitraries.longs().between(1, Long.MAX_VALUE));
        return denominators.flatMap(den -> Arbitraries.oneOf(
                        Arbitraries.longs().between(0, den),
                        Arbitraries.of(0L, den, den / 2, den - 1 < 0 ? 0 : den - 1))
                .map(num -> new Share(num, den)));
    }

    @Provide
    Arbitrary<Share> inconsistentShares() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE - 1)
                .flatMap(den -> Arbitraries.longs().between(den + 1, Long.MAX_VALUE).map(num -> new Share(num, den)));
    }
}
