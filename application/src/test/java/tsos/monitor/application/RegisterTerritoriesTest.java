package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tsos.monitor.application.Writes.at;
import static tsos.monitor.application.Writes.stored;

import java.util.List;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.fakes.InMemoryRegionRevisions;
import tsos.monitor.application.fakes.InMemoryTerritoryDirectory;
import tsos.monitor.application.fakes.InMemoryTransactions;
import tsos.monitor.domain.refusal.Field.Column;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.refusal.Refusal.Rows;
import tsos.monitor.domain.territory.TerritoryRegistration.SubmittedMunicipality;
import tsos.monitor.domain.territory.TerritoryRegistration.SubmittedSchool;

class RegisterTerritoriesTest {

    private static final TerritoryCode BIKIN = TerritoryCode.municipality("27", "08610000");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryTerritoryDirectory territories = InMemoryTerritoryDirectory.standard();
    private final RegisterTerritories registerTerritories = new RegisterTerritories(territories, transactions,
            new InMemoryRegionRevisions(transactions));

    private WriteResult<Integer> register(List<SubmittedMunicipality> municipalities, List<SubmittedSchool> schools) {
        return registerTerritories.register(municipalities, schools);
    }

    private static List<Writes.RowField> municipalitiesRefused(WriteResult<Integer> result) {
        return Writes.refused(result, Rows.MUNICIPALITIES);
    }

    private static List<Writes.RowField> schoolsRefused(WriteResult<Integer> result) {
        return Writes.refused(result, Rows.SCHOOLS);
    }

    @Test
    void a_municipality_is_registered_and_its_school_named_by_the_municipality_s_name() {
        assertEquals(1, stored(register(List.of(new SubmittedMunicipality("27", "08610000", "Бикинский район")),
                List.of())));
        assertEquals(1, stored(register(List.of(),
                List.of(new SubmittedSchool("27", "бикинский РАЙОН", "0001", "МБОУ СОШ № 1")))));

        assertEquals(List.of("МБОУ СОШ № 1"), territories.children(BIKIN).stream().map(Territory::name).toList());
    }

    @Test
    void a_school_may_name_a_municipality_of_the_same_call_by_its_name() {
        assertEquals(2, stored(register(List.of(new SubmittedMunicipality("27", "08610000", "Бикинский район")),
                List.of(new SubmittedSchool("27", "Бикинский район", "0001", "МБОУ СОШ № 1")))));

        assertEquals(1, territories.children(BIKIN).size());
    }

    @Test
    void a_municipality_of_an_unknown_region_is_refused_naming_the_field_region() {
        var result = register(List.of(new SubmittedMunicipality("27", "08610000", "Бикинский район"),
                new SubmittedMunicipality("99", "0001", "Нигде"),
                new SubmittedMunicipality("2x", "0001", "Нигде")), List.of());

        assertEquals(List.of(at(1, Column.REGION), at(2, Column.REGION)), municipalitiesRefused(result));
        assertEquals(4, territories.children(TerritoryCode.region("27")).size(), "nothing of the call registered");
    }

    @Test
    void a_territory_without_a_name_is_refused_naming_the_field_name() {
        var result = register(List.of(new SubmittedMunicipality("27", "08610000", " ")), List.of());

        assertEquals(List.of(at(0, Column.NAME)), municipalitiesRefused(result));
    }

    @Test
    void a_school_of_an_unknown_municipality_is_refused_naming_the_field_municipality() {
        var result = register(List.of(), List.of(new SubmittedSchool("27", "Нет такого района", "0001", "Школа")));

        assertEquals(List.of(at(0, Column.MUNICIPALITY)), schoolsRefused(result));
    }

    @Test
    void a_code_that_cannot_be_is_refused_naming_its_own_field() {
        var result = register(List.of(new SubmittedMunicipality("27", "0861/0000", "Косая черта"),
                        new SubmittedMunicipality("27", "x".repeat(65), "Длинный код")),
                List.of(new SubmittedSchool("27", "Амурский район", "00/01", "Школа с косой чертой")));

        assertEquals(List.of(at(0, Column.MUNICIPALITY), at(1, Column.MUNICIPALITY)), municipalitiesRefused(result));
        assertEquals(List.of(at(0, Column.SCHOOL)), schoolsRefused(result));
    }

    @Test
    void every_bad_row_of_both_lists_is_named_in_one_answer_each_in_its_own_list() {
        var result = register(List.of(new SubmittedMunicipality("27", "08610000", "Бикинский район"),
                        new SubmittedMunicipality("99", "0001", " ")),
                List.of(new SubmittedSchool("27", "Бикинский район", "0001", ""),
                        new SubmittedSchool("27", "Нет такого района", "0002", "Школа")));

        assertEquals(List.of(at(1, Column.REGION), at(1, Column.NAME)), municipalitiesRefused(result));
        assertEquals(List.of(at(0, Column.NAME), at(1, Column.MUNICIPALITY)), schoolsRefused(result));
        assertEquals(0, transactions.opened());
    }
}
