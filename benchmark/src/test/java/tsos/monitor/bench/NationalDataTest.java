package tsos.monitor.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.cli.tables.TableKind;
import tsos.monitor.cli.tables.TableRequests;
import tsos.monitor.cli.tables.TsvTable;

/** The generator gives the same tables for the same seed, other tables for another, in the command line's formats. */
class NationalDataTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @TempDir
    Path other;

    @Test
    void the_same_seed_writes_the_same_files_and_another_seed_other_ones() throws IOException {
        List<Path> a = NationalData.generate(7, 0.02, 2024, 3).writeAll(first);
        List<Path> b = NationalData.generate(7, 0.02, 2024, 3).writeAll(second);
        assertEquals(a.stream().map(Path::getFileName).toList(), b.stream().map(Path::getFileName).toList());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).getFileName()
                    + " differs between two runs with the same seed");
        }
        List<Path> c = NationalData.generate(8, 0.02, 2024, 3).writeAll(other);
        assertFalse(Files.readString(a.get(a.size() - 1)).equals(Files.readString(c.get(c.size() - 1))),
                "another seed gives other reports");
    }

    @Test
    void a_week_is_the_same_whether_made_alone_or_at_another_scale() {
        NationalData small = NationalData.generate(3, 0.05, 2024, 10);
        NationalData smaller = NationalData.generate(3, 0.01, 2024, 10);
        var region = smaller.regions().get(0).code();
        var fromSmall = small.week(10).stream().filter(r -> r.school().municipality().region().code().equals(region))
                .toList();
        var fromSmaller = smaller.week(10).stream()
                .filter(r -> r.school().municipality().region().code().equals(region)).toList();
        assertEquals(fromSmaller.size(), fromSmall.size());
        for (int i = 0; i < fromSmall.size(); i++) {
            assertEquals(fromSmaller.get(i).school().code(), fromSmall.get(i).school().code());
            assertArrayEquals(fromSmaller.get(i).counts(), fromSmall.get(i).counts());
        }
    }

    @Test
    void the_files_are_tables_the_command_line_loads() {
        NationalData data = NationalData.generate(11, 0.02, 2024, 2);
        List<Path> files = data.writeAll(first);
        int municipalities = 0;
        int schools = 0;
        int reports = 0;
        int plans = 0;
        for (Path file : files) {
            TsvTable table = TsvTable.read(file);
            TableRequests requests = new TableRequests(table);
            String name = file.getFileName().toString();
            switch (table.kind()) {
                case TERRITORIES -> {
                    assertTrue(name.startsWith("territories-"), name);
                    municipalities += requests.municipalities().size();
                    schools += requests.schools().size();
                }
                case PLANS -> plans += requests.plans().size();
                case QUOTAS -> requests.quotas(); // read as the command line reads it
                case REPORTS -> {
                    var rows = requests.reports();
                    reports += rows.size();
                    rows.forEach(row -> assertEquals(NationalData.METRICS.size(), row.item().getCountsCount()));
                }
            }
        }
        assertEquals(data.municipalityCount(), municipalities);
        assertEquals(data.schools().size(), schools);
        assertEquals(data.week(1).size() + data.week(2).size(), reports);
        assertTrue(plans >= data.regions().size() * NationalData.Planned.values().length);
        assertEquals(TableKind.REPORTS, TsvTable.read(files.get(files.size() - 1)).kind());
    }

    @Test
    void the_country_has_the_size_of_the_country() {
        NationalData country = NationalData.generate(1, 1.0, 2024, 52);
        assertEquals(89, country.regions().size());
        assertEquals(NationalData.NATIONAL_SCHOOLS, country.schools().size());
        assertTrue(Math.abs(country.municipalityCount() - 2_400) <= 100, country.describe());
        assertTrue(Math.abs(country.teachers() - 1_100_000) <= 11_000, country.describe());
        assertTrue(Math.abs(country.students() - 18_000_000) <= 180_000, country.describe());
        country.regions().forEach(region -> assertTrue(region.municipalities().size() >= 4, region.code()));
        long typical = country.regions().stream().flatMap(r -> r.municipalities().stream())
                .filter(m -> m.schools().size() >= 3 && m.schools().size() <= 80).count();
        assertTrue(typical >= 0.9 * country.municipalityCount(), country.describe());
    }
}
