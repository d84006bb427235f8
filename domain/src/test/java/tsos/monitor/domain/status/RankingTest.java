package tsos.monitor.domain.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.fixtures.Catalogue;
import tsos.monitor.domain.fixtures.Reports;
import tsos.monitor.domain.fixtures.Territories;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.territory.Territory;

class RankingTest {

    private static IndicatorStatus status(Territory territory, Share share) {
        return new IndicatorStatus(territory, Catalogue.indicator("2.3"), Reports.KHABAROVSK_2022_MONTH,
                Optional.ofNullable(share), Optional.empty());
    }

    private static List<String> names(Ranking ranking) {
        return ranking.ranked().stream().map(s -> s.territory().name()).toList();
    }

    @Test
    void territories_are_ranked_highest_percent_first_with_those_without_a_percent_last() {
        IndicatorStatus amursky = status(Territories.amurskyDistrict(), new Share(2, 18));          // 11.11 %
        IndicatorStatus vanino = status(Territories.vaninskyDistrict(), new Share(10, 13));         // 76.92 %
        IndicatorStatus komsomolsk = status(Territories.komsomolskNaAmure(), new Share(20, 37));    // 54.05 %
        IndicatorStatus okhotsk = status(Territories.okhotskyDistrict(), null);                     // no data

        Ranking ranking = new Ranking(List.of(okhotsk, amursky, vanino, komsomolsk));

        assertEquals(List.of("Ванинский район", "г. Комсомольск-на-Амуре", "Амурский район", "Охотский район"),
                names(ranking));
        assertEquals(Optional.of(vanino), ranking.leader());
        assertEquals(Optional.of(amursky), ranking.outsider());
        assertEquals(Optional.of(Percent.of("76.92")), ranking.leader().flatMap(IndicatorStatus::percent));
        assertEquals(Optional.of(2), ranking.placeOf(komsomolsk));
        assertEquals(Optional.empty(), ranking.placeOf(okhotsk));
        assertEquals(List.of(Optional.of(1), Optional.of(2), Optional.of(3), Optional.empty()),
                List.of(ranking.placeAt(0), ranking.placeAt(1), ranking.placeAt(2), ranking.placeAt(3)));
    }

    @Test
    void an_inconsistent_territory_is_neither_leader_nor_outsider() {
        IndicatorStatus amursky = status(Territories.amurskyDistrict(), new Share(2, 18));
        IndicatorStatus vanino = status(Territories.vaninskyDistrict(), new Share(10, 13));
        IndicatorStatus inconsistent = status(Territories.okhotskyDistrict(), new Share(9, 8));

        Ranking ranking = new Ranking(List.of(inconsistent, amursky, vanino));

        assertEquals(Optional.of(vanino), ranking.leader());
        assertEquals(Optional.of(amursky), ranking.outsider());
        assertEquals(inconsistent, ranking.ranked().get(2));
    }

    @Test
    void equal_percents_rank_the_larger_territory_first() {
        IndicatorStatus small = status(Territories.amurskyDistrict(), new Share(1, 2));
        IndicatorStatus large = status(Territories.vaninskyDistrict(), new Share(50, 100));

        assertEquals(List.of(large, small), new Ranking(List.of(small, large)).ranked());
    }

    @Test
    void a_single_territory_with_a_percent_leads_and_there_is_no_outsider() {
        IndicatorStatus only = status(Territories.amurskyDistrict(), new Share(2, 18));

        Ranking ranking = new Ranking(List.of(only, status(Territories.vaninskyDistrict(), null)));

        assertEquals(Optional.of(only), ranking.leader());
        assertEquals(Optional.empty(), ranking.outsider());
    }
}
