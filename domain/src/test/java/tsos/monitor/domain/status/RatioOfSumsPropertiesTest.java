package tsos.monitor.domain.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.territory.TerritoryCode;

class RatioOfSumsPropertiesTest {

    @Property(tries = 500)
    void a_region_of_consistent_municipalities_is_the_sum_of_numerators_over_the_sum_of_denominators(
            @ForAll("municipalShares") List<Share> shares) {
        Map<TerritoryCode, Counts> counts = new LinkedHashMap<>();
        long numerators = 0;
        long denominators = 0;
        for (int i = 0; i < shares.size(); i++) {
            Share share = shares.get(i);
            counts.put(TerritoryCode.municipality("27", "m" + i), Reports.countsOf(
                    "students_with_access", share.numerator(), "students_total", share.denominator()));
            numerators += share.numerator();
            denominators += share.denominator();
        }

        RatioOfSums.Result region = new RatioOfSums(Catalogue.indicator("2.1"), counts).of(TerritoryCode.region("27"));

        assertEquals(Optional.of(new Share(numerators, denominators)), region.share());
        assertEquals(new Share(numerators, denominators).percent(), region.share().flatMap(Share::percent));
        assertEquals(shares.size(), region.territoriesSummed());
        assertEquals(0, region.inconsistentLeftOut());
    }

    @Provide
    Arbitrary<List<Share>> municipalShares() {
        Arbitrary<Share> share = Arbitraries.longs().between(0, 1_000_000_000_000L)
                .flatMap(den -> Arbitraries.longs().between(0, den).map(num -> new Share(num, den)));
        return share.list().ofMinSize(1).ofMaxSize(60);
    }
}
