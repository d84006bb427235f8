package tsos.monitor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tsos.monitor.domain.period.IsoWeek;

/**
 * Synthetic national data for the benchmark, deterministic by seed: the 89 regions of the schema, about 2,400
 * municipalities and 40,000 schools (1.1 million teachers, 18 million students), each region's monthly plans
 * (and some municipalities' own plans and quotas), and a year of weekly school-level reports of 8 counts whose
 * shares grow week by week toward the plans — some territories ahead of plan, some behind.
 *
 * <p>The national structure is always generated whole, then a {@code scale} below 1 keeps whole regions (in a
 * seeded order) until that share of the schools is reached: a quick try keeps regions of realistic size. Every
 * school's counts of a week come from a random stream of their own (seed, school, week), so a week can be made
 * alone, in any order, and is the same at any scale.
 *
 * <p>Writes the tables the command line loads ({@code tsos load FILE}): territories per region, plans, quotas and
 * one reports file per week.
 */
public final class NationalData {

    /** The 89 subject codes the schema ships (V1__territories.sql). */
    public static final List<String> REGION_CODES;

    static {
        List<String> codes = new ArrayList<>();
        for (int code = 1; code <= 79; code++) {
            codes.add(String.format(Locale.ROOT, "%02d", code));
        }
        codes.addAll(List.of("83", "86", "87", "89", "90", "91", "92", "93", "94", "95"));
        REGION_CODES = List.copyOf(codes);
    }

    /** The counts of a weekly school report, in the order of {@link Report#counts()}. */
    public static final List<String> METRICS = List.of("students_total", "students_with_access", "teachers_total",
            "teachers_with_access", "teachers_using_platform", "teachers_in_sferum", "teachers_active_in_sferum",
            "students_in_sferum");

    public static final int NATIONAL_MUNICIPALITIES = 2_400;
    public static final int NATIONAL_SCHOOLS = 40_000;
    public static final long NATIONAL_TEACHERS = 1_100_000;
    public static final long NATIONAL_STUDENTS = 18_000_000;

    /** The indicators that get a plan, each followed by one share of a school's counts. */
    public enum Planned {
        STUDENTS_WITH_ACCESS("2.1"),
        TEACHERS_USING("2.2"),
        SCHOOLS_USING("2.3"),
        TEACHERS_REGISTERED("sferum.teachers_registered"),
        TEACHERS_ACTIVE("sferum.teachers_active"),
        STUDENTS_REGISTERED("sferum.students_registered");

        public final String indicator;

        Planned(String indicator) {
            this.indicator = indicator;
        }
    }

    private static final int PLANNED = Planned.values().length;
    /** How a monthly plan moves from its start to its year target: up to May, flat to September, up to December. */
    private static final double[] PLAN_SHAPE = {0, 0.125, 0.25, 0.375, 0.5, 0.5, 0.5, 0.5, 0.5, 0.625, 0.75, 1.0};
    private static final double MISSING_REPORT = 0.003;
    private static final double INCONSISTENT_REPORT = 1.0 / 20_000;

    /** A plan from its January value to its December value (the year target), as shares 0..1. */
    public record Plan(double start, double end) {
        double at(double progress) {
            return start + (end - start) * progress;
        }

        /** The plan of month 1..12 in hundredths of a percent. */
        public long hundredthsOf(int month) {
            return Math.round(at(PLAN_SHAPE[month - 1]) * 10_000);
        }
    }

    public static final class Region {
        private final String code;
        private final Plan[] plans = new Plan[PLANNED];
        private final double[] gap = new double[PLANNED];
        private final List<Municipality> municipalities = new ArrayList<>();

        Region(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public List<Municipality> municipalities() {
            return Collections.unmodifiableList(municipalities);
        }

        public int schoolCount() {
            return municipalities.stream().mapToInt(m -> m.schools.size()).sum();
        }

        public Plan plan(Planned planned) {
            return plans[planned.ordinal()];
        }
    }

    public static final class Municipality {
        private final Region region;
        private final String code;
        private final String name;
        private final boolean urban;
        private final double[] gap = new double[PLANNED];
        private final Plan[] ownPlans = new Plan[PLANNED];
        private long quotaOfSchoolsUsing = -1;
        private final List<School> schools = new ArrayList<>();

        Municipality(Region region, String code, String name, boolean urban) {
            this.region = region;
            this.code = code;
            this.name = name;
            this.urban = urban;
        }

        public Region region() {
            return region;
        }

        public String code() {
            return code;
        }

        public List<School> schools() {
            return Collections.unmodifiableList(schools);
        }

        /** Its own plan, else its region's (a quota is not a percent plan). */
        public Plan plan(Planned planned) {
            Plan own = ownPlans[planned.ordinal()];
            return own != null ? own : region.plan(planned);
        }
    }

    public static final class School {
        private final Municipality municipality;
        private final int index;
        private final String code;
        private final String name;
        private long students;
        private long teachers;
        private final double[] gap = new double[PLANNED];
        private final double accessExtra;
        private final double septemberStudents;
        private final double septemberTeachers;

        School(Municipality municipality, int index, String code, String name, long students, long teachers,
               SplittableRandom random) {
            this.municipality = municipality;
            this.index = index;
            this.code = code;
            this.name = name;
            this.students = students;
            this.teachers = teachers;
            for (int k = 0; k < PLANNED; k++) {
                gap[k] = gaussian(random) * 0.10;
            }
            this.accessExtra = 0.02 + random.nextDouble() * 0.13;
            this.septemberStudents = 0.01 + gaussian(random) * 0.02;
            this.septemberTeachers = gaussian(random) * 0.02;
        }

        public Municipality municipality() {
            return municipality;
        }

        public String code() {
            return code;
        }

    }

    /** One school's weekly report: its counts in the order of {@link #METRICS}. */
    public record Report(School school, String period, long[] counts) {
    }

    private final long seed;
    private final double scale;
    private final int year;
    private final int weeks;
    private final List<Region> regions;
    private final List<School> schools;

    private NationalData(long seed, double scale, int year, int weeks, List<Region> regions) {
        this.seed = seed;
        this.scale = scale;
        this.year = year;
        this.weeks = weeks;
        this.regions = List.copyOf(regions);
        this.schools = regions.stream().flatMap(r -> r.municipalities.stream()).flatMap(m -> m.schools.stream())
                .toList();
    }

    /**
     * @param scale 1.0 for the whole country; below 1, whole regions are kept until that share of the schools
     * @param weeks how many ISO weeks of {@code year}, from week 1, are reported
     */
    public static NationalData generate(long seed, double scale, int year, int weeks) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("--scale is above 0 and at most 1 (the whole country), not " + scale);
        }
        int weeksInYear = isoWeeksIn(year);
        if (weeks < 1 || weeks > weeksInYear) {
            throw new IllegalArgumentException(year + " has ISO weeks 1 to " + weeksInYear + ", not " + weeks);
        }
        List<Region> national = nationalStructure(seed);
        List<Region> kept = new ArrayList<>(national);
        if (scale < 1) {
            Collections.shuffle(kept, new java.util.Random(seed ^ 0x5ca1eL));
            long wanted = Math.max(1, Math.round(NATIONAL_SCHOOLS * scale));
            long schools = 0;
            int count = 0;
            while (count < kept.size() && schools < wanted) {
                schools += kept.get(count).schoolCount();
                count++;
            }
            kept = new ArrayList<>(kept.subList(0, count));
            kept.sort(Comparator.comparing(Region::code));
        }
        return new NationalData(seed, scale, year, weeks, kept);
    }

    public static int isoWeeksIn(int year) {
        return (int) LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    }

    public List<Region> regions() {
        return regions;
    }

    public List<School> schools() {
        return schools;
    }

    public int municipalityCount() {
        return regions.stream().mapToInt(r -> r.municipalities.size()).sum();
    }

    public long teachers() {
        return schools.stream().mapToLong(s -> s.teachers).sum();
    }

    public long students() {
        return schools.stream().mapToLong(s -> s.students).sum();
    }

    public String period(int week) {
        return new IsoWeek(year, week).text();
    }

    // ------------------------------------------------------------------ the national structure

    private static List<Region> nationalStructure(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int regionCount = REGION_CODES.size();
        // Schools per region: log-normal sizes (a few regions of 1,000+ schools, some of 40), summing to 40,000.
        double[] weight = new double[regionCount];
        for (int r = 0; r < regionCount; r++) {
            weight[r] = StrictMath.exp(gaussian(random) * 0.7);
        }
        int[] schoolsOf = apportion(NATIONAL_SCHOOLS, weight, 30, 1_800, random);
        // Municipalities per region: about one per 17 schools, 4 to 75, summing to about 2,400.
        double[] municipalityWeight = new double[regionCount];
        for (int r = 0; r < regionCount; r++) {
            municipalityWeight[r] = schoolsOf[r] * StrictMath.exp(gaussian(random) * 0.35);
        }
        int[] municipalitiesOf = apportion(NATIONAL_MUNICIPALITIES, municipalityWeight, 4, 75, random);
        List<Region> regions = new ArrayList<>();
        List<School> all = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            Region region = new Region(REGION_CODES.get(r));
            regionPlans(region, random);
            int municipalities = Math.min(municipalitiesOf[r], schoolsOf[r] / 3);
            Set<String> names = new HashSet<>();
            double[] share = new double[municipalities];
            int urbanCount = 0;
            int ruralCount = 0;
            for (int m = 0; m < municipalities; m++) {
                boolean urban = m == 0 || random.nextDouble() < 0.22;
                String code = region.code + (urban ? "7" : "6")
                        + String.format(Locale.ROOT, "%02d", urban ? ++urbanCount : ++ruralCount) + "000";
                Municipality municipality = new Municipality(region, code, municipalityName(urban, names, random),
                        urban);
                for (int k = 0; k < PLANNED; k++) {
                    municipality.gap[k] = gaussian(random) * 0.05;
                }
                region.municipalities.add(municipality);
                share[m] = StrictMath.exp(gaussian(random) * 0.7) * (urban ? (m == 0 ? 4.0 : 2.0) : 1.0);
            }
            int[] schoolsPerMunicipality = apportion(schoolsOf[r], share, 3, Integer.MAX_VALUE, random);
            for (int m = 0; m < municipalities; m++) {
                Municipality municipality = region.municipalities.get(m);
                int gymnasiums = 0;
                for (int s = 0; s < schoolsPerMunicipality[m]; s++) {
                    int index = all.size();
                    double median = municipality.urban ? 650 : 170;
                    double sigma = municipality.urban ? 0.55 : 0.85;
                    long students = Math.max(5, Math.min(3_000,
                            Math.round(median * StrictMath.exp(gaussian(random) * sigma))));
                    long teachers = Math.max(3, Math.round(students / (10 + random.nextDouble() * 6)
                            + 3 + random.nextDouble() * 6));
                    String name;
                    if (municipality.urban && random.nextDouble() < 0.15) {
                        name = (random.nextBoolean() ? "МАОУ «Гимназия № " : "МАОУ «Лицей № ") + (++gymnasiums) + "»";
                    } else {
                        name = (students < 120 ? "МКОУ «ООШ № " : "МБОУ «СОШ № ") + (s + 1) + "»";
                    }
                    School school = new School(municipality, index, Integer.toString(100_000 + index), name, students,
                            teachers, random);
                    municipality.schools.add(school);
                    all.add(school);
                }
            }
            municipalityPlansAndQuotas(region, random);
            regions.add(region);
        }
        // The country's totals: 18 million students and 1.1 million teachers.
        double studentFactor = (double) NATIONAL_STUDENTS / all.stream().mapToLong(s -> s.students).sum();
        double teacherFactor = (double) NATIONAL_TEACHERS / all.stream().mapToLong(s -> s.teachers).sum();
        for (School school : all) {
            school.students = Math.max(5, Math.round(school.students * studentFactor));
            school.teachers = Math.max(3, Math.round(school.teachers * teacherFactor));
        }
        return regions;
    }

    private static void regionPlans(Region region, SplittableRandom random) {
        double access = uniform(random, 0.45, 0.90);
        region.plans[Planned.STUDENTS_WITH_ACCESS.ordinal()] = rising(access, uniform(random, 0.03, 0.10));
        region.plans[Planned.TEACHERS_USING.ordinal()] = rising(uniform(random, 0.55, 0.90),
                uniform(random, 0.03, 0.10));
        region.plans[Planned.SCHOOLS_USING.ordinal()] = rising(Math.max(0.15, access - uniform(random, 0.05, 0.20)),
                uniform(random, 0.03, 0.10));
        region.plans[Planned.TEACHERS_REGISTERED.ordinal()] = rising(uniform(random, 0.85, 0.99),
                uniform(random, 0.05, 0.15));
        region.plans[Planned.TEACHERS_ACTIVE.ordinal()] = rising(uniform(random, 0.28, 0.40),
                uniform(random, 0.05, 0.12));
        region.plans[Planned.STUDENTS_REGISTERED.ordinal()] = rising(uniform(random, 0.60, 0.90),
                uniform(random, 0.10, 0.25));
        for (int k = 0; k < PLANNED; k++) {
            region.gap[k] = gaussian(random) * 0.03;
        }
    }

    /** About 8 % of municipalities have plans of their own for 2.1 and 2.2, and 3 % a quota of schools for 2.3. */
    private static void municipalityPlansAndQuotas(Region region, SplittableRandom random) {
        for (Municipality municipality : region.municipalities) {
            if (random.nextDouble() < 0.08) {
                for (Planned planned : List.of(Planned.STUDENTS_WITH_ACCESS, Planned.TEACHERS_USING)) {
                    Plan regional = region.plans[planned.ordinal()];
                    double shift = uniform(random, -0.05, 0.05);
                    municipality.ownPlans[planned.ordinal()] = new Plan(clamp(regional.start + shift),
                            clamp(regional.end + shift));
                }
            }
            if (random.nextDouble() < 0.03) {
                municipality.quotaOfSchoolsUsing = Math.max(1,
                        Math.round(municipality.schools.size() * uniform(random, 0.2, 0.7)));
            }
        }
    }

    private static Plan rising(double target, double growth) {
        return new Plan(clamp(target - growth), clamp(target));
    }

    /** Whole numbers summing to {@code total}, proportional to the weights, each within [min, max] where it can. */
    private static int[] apportion(int total, double[] weights, int min, int max, SplittableRandom random) {
        int n = weights.length;
        int[] parts = new int[n];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            parts[i] = Math.max(min, Math.min(max, (int) Math.round(total * weights[i] / sum)));
            assigned += parts[i];
        }
        int guard = 0;
        while (assigned != total && guard++ < 10_000_000) {
            int i = random.nextInt(n);
            if (assigned < total && parts[i] < max) {
                parts[i]++;
                assigned++;
            } else if (assigned > total && parts[i] > min) {
                parts[i]--;
                assigned--;
            }
        }
        return parts;
    }

    private static final List<String> ADJECTIVES = List.of("Берёзовский", "Сосновский", "Каменский", "Озёрский",
            "Лесной", "Красноярский", "Белогорский", "Заречный", "Полевской", "Луговской", "Ключевской", "Борисовский",
            "Ивановский", "Петровский", "Михайловский", "Никольский", "Покровский", "Троицкий", "Успенский",
            "Воскресенский", "Богородский", "Знаменский", "Дубровский", "Ольховский", "Кедровый", "Еловский",
            "Рябиновский", "Калиновский", "Вишнёвский", "Липовский", "Кленовский", "Тополёвский", "Орловский",
            "Соколовский", "Журавлёвский", "Лебяжский", "Медведевский", "Волчихинский", "Лисаковский", "Бобровский",
            "Куликовский", "Степной", "Таёжный", "Горный", "Приозёрный", "Речной", "Светлинский", "Зелёный",
            "Солнечный", "Тихий", "Быстринский", "Чистопольский", "Ярский", "Тальменский", "Шиловский", "Сухобузимский",
            "Емельяновский", "Казачинский", "Пировский", "Ужурский");
    private static final List<String> PREFIXES = List.of("", "Верхне", "Нижне", "Ново", "Старо", "Усть-");

    private static String municipalityName(boolean urban, Set<String> taken, SplittableRandom random) {
        for (int attempt = 0; ; attempt++) {
            String adjective = ADJECTIVES.get(random.nextInt(ADJECTIVES.size()));
            String prefix = PREFIXES.get(random.nextInt(PREFIXES.size()));
            String stem = prefix.isEmpty() || prefix.endsWith("-") ? prefix + adjective
                    : prefix + adjective.toLowerCase(Locale.ROOT);
            String name = urban ? "городской округ " + city(stem) : stem + (random.nextDouble() < 0.7
                    ? " муниципальный район" : " муниципальный округ");
            if (attempt > 50) {
                name = name + " " + attempt;
            }
            if (taken.add(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
    }

    private static String city(String adjective) {
        return "город " + (adjective.endsWith("ский") ? adjective.substring(0, adjective.length() - 4) + "ск"
                : adjective);
    }

    // ------------------------------------------------------------------ the weekly reports

    /** The reports of ISO week {@code week} (1-based) of every school that reports that week. */
    public List<Report> week(int week) {
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException("weeks 1 to " + weeks + ", not " + week);
        }
        IsoWeek isoWeek = new IsoWeek(year, week);
        String period = isoWeek.text();
        LocalDate end = isoWeek.end();
        double progress = (week - 1) / (double) (isoWeeksIn(year) - 1);
        boolean newSchoolYear = !end.isBefore(LocalDate.of(year, 9, 1));
        double season = season(isoWeek);
        List<Report> reports = new ArrayList<>(schools.size());
        for (School school : schools) {
            long[] counts = counts(school, week, progress, newSchoolYear, season);
            if (counts != null) {
                reports.add(new Report(school, period, counts));
            }
        }
        return reports;
    }

    private long[] counts(School school, int week, double progress, boolean newSchoolYear, double season) {
        SplittableRandom random = new SplittableRandom(mix(seed, school.index, week));
        if (random.nextDouble() < MISSING_REPORT) {
            return null;
        }
        long students = newSchoolYear ? Math.max(5, Math.round(school.students * (1 + school.septemberStudents)))
                : school.students;
        long teachers = newSchoolYear ? Math.max(3, Math.round(school.teachers * (1 + school.septemberTeachers)))
                : school.teachers;
        // Shares registered or with access only grow (no weekly noise); usage and activity move week to week.
        long studentsWithAccess = Math.round(students * share(school, Planned.STUDENTS_WITH_ACCESS, progress, 0));
        long teachersUsing = Math.round(teachers * share(school, Planned.TEACHERS_USING, progress,
                gaussian(random) * 0.01));
        long teachersWithAccess = Math.min(teachers, teachersUsing + Math.round(teachers * school.accessExtra));
        long teachersInSferum = Math.round(teachers * share(school, Planned.TEACHERS_REGISTERED, progress, 0));
        long teachersActive = Math.round(teachersInSferum * clamp(season
                * share(school, Planned.TEACHERS_ACTIVE, progress, gaussian(random) * 0.03)));
        long studentsInSferum = Math.round(students * share(school, Planned.STUDENTS_REGISTERED, progress, 0));
        if (random.nextDouble() < INCONSISTENT_REPORT) {
            // As in the sources: more teachers in Sferum than teachers (stored as sent, shown INCONSISTENT).
            teachersInSferum = teachers + 1 + random.nextInt(5);
        }
        return new long[] {students, studentsWithAccess, teachers, teachersWithAccess, teachersUsing, teachersInSferum,
                teachersActive, studentsInSferum};
    }

    private static double share(School school, Planned planned, double progress, double noise) {
        Municipality municipality = school.municipality;
        Region region = municipality.region;
        int k = planned.ordinal();
        return clamp(region.plans[k].at(progress) + region.gap[k] + municipality.gap[k] + school.gap[k] + noise);
    }

    /** Teachers write less in the holidays: the New Year week, June, and July and August most. */
    private static double season(IsoWeek week) {
        int month = week.start().getMonthValue();
        if (week.week() == 1) {
            return 0.5;
        }
        return switch (month) {
            case 6 -> 0.7;
            case 7, 8 -> 0.35;
            default -> 1.0;
        };
    }

    // ------------------------------------------------------------------ the tables of the command line

    /** Writes every table: territories per region, plans, quotas, and one reports file per week. */
    public List<Path> writeAll(Path directory) {
        List<Path> files = new ArrayList<>(writeReferenceTables(directory));
        for (int week = 1; week <= weeks; week++) {
            files.add(writeReports(directory, week));
        }
        return files;
    }

    /** The territories (one file per region), plans and quotas: what is loaded before any report. */
    public List<Path> writeReferenceTables(Path directory) {
        List<Path> files = new ArrayList<>();
        for (Region region : regions) {
            files.add(write(directory.resolve("territories-" + region.code + ".tsv"), out -> {
                out.print(comment("municipalities and schools of region " + region.code));
                out.print("region\tmunicipality_code\tmunicipality_name\tschool_code\tschool_name\n");
                for (Municipality m : region.municipalities) {
                    out.print(region.code + "\t" + m.code + "\t" + m.name + "\t\t\n");
                }
                for (Municipality m : region.municipalities) {
                    for (School s : m.schools) {
                        out.print(region.code + "\t" + m.code + "\t" + m.name + "\t" + s.code + "\t" + s.name + "\n");
                    }
                }
            }));
        }
        files.add(write(directory.resolve("plans-" + year + ".tsv"), out -> {
            out.print(comment("monthly plans " + year + " (percent; dec is the year target)"));
            out.print("region\tmunicipality\tyear\tindicator\tjan\tfeb\tmar\tapr\tmay\tjun\tjul\taug\tsep\toct\tnov"
                    + "\tdec\n");
            for (Region region : regions) {
                for (Planned planned : Planned.values()) {
                    out.print(planRow(region.code, "", planned, region.plans[planned.ordinal()]));
                }
                for (Municipality m : region.municipalities) {
                    for (Planned planned : Planned.values()) {
                        if (m.ownPlans[planned.ordinal()] != null) {
                            out.print(planRow(region.code, m.code, planned, m.ownPlans[planned.ordinal()]));
                        }
                    }
                }
            }
        }));
        files.add(write(directory.resolve("quotas-" + year + ".tsv"), out -> {
            out.print(comment("schools of a municipality that must use the platform in " + year + " (indicator 2.3)"));
            out.print("region\tmunicipality\tyear\tindicator\tquota\n");
            for (Region region : regions) {
                for (Municipality m : region.municipalities) {
                    if (m.quotaOfSchoolsUsing >= 0) {
                        out.print(region.code + "\t" + m.code + "\t" + year + "\t" + Planned.SCHOOLS_USING.indicator
                                + "\t" + m.quotaOfSchoolsUsing + "\n");
                    }
                }
            }
        }));
        return files;
    }

    /** The reports of one week: {@code reports-2024-W07.tsv}. */
    public Path writeReports(Path directory, int week) {
        List<Report> reports = week(week);
        return write(directory.resolve("reports-" + period(week) + ".tsv"), out -> {
            out.print(comment("weekly school reports, " + period(week)));
            out.print("region\tmunicipality\tschool\tperiod\t" + String.join("\t", METRICS) + "\n");
            StringBuilder line = new StringBuilder(128);
            for (Report report : reports) {
                line.setLength(0);
                Municipality m = report.school().municipality;
                line.append(m.region.code).append('\t').append(m.code).append('\t').append(report.school().code)
                        .append('\t').append(report.period());
                for (long count : report.counts()) {
                    line.append('\t').append(count);
                }
                out.print(line.append('\n'));
            }
        });
    }

    private String planRow(String region, String municipality, Planned planned, Plan plan) {
        StringBuilder row = new StringBuilder(region + "\t" + municipality + "\t" + year + "\t" + planned.indicator);
        for (int month = 1; month <= 12; month++) {
            long hundredths = plan.hundredthsOf(month);
            row.append('\t').append(hundredths / 100).append('.').append(String.format(Locale.ROOT, "%02d",
                    hundredths % 100));
        }
        return row.append('\n').toString();
    }

    private String comment(String what) {
        return "# tsos-monitor synthetic national data (tsos.monitor.bench.NationalData): " + what + "; seed " + seed
                + ", scale " + scale + "\n";
    }

    private interface Body {
        void write(PrintWriter out);
    }

    private static Path write(Path file, Body body) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 PrintWriter out = new PrintWriter(writer)) {
                body.write(out);
                if (out.checkError()) {
                    throw new IOException("could not write " + file);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ randomness, the same on every JVM

    private static double gaussian(SplittableRandom random) {
        // Box-Muller with StrictMath: the same numbers on every JDK and platform.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }

    private static long mix(long seed, int school, int week) {
        long z = seed * 0x9E3779B97F4A7C15L + school * 0xC2B2AE3D27D4EB4FL + week * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    // ------------------------------------------------------------------ a command of its own

    /** A summary of what was generated, for people. */
    public String describe() {
        int[] perMunicipality = regions.stream().flatMap(r -> r.municipalities.stream())
                .mapToInt(m -> m.schools.size()).sorted().toArray();
        int[] perRegion = regions.stream().mapToInt(r -> r.municipalities.size()).sorted().toArray();
        Region largest = regions.stream().max(Comparator.comparingInt(Region::schoolCount)).orElseThrow();
        return String.format(Locale.ROOT, "%d regions (%d-%d municipalities each), %,d municipalities (%d-%d schools, "
                        + "median %d), %,d schools, %,d teachers, %,d students; largest region %s: %,d schools, %,d "
                        + "teachers, %,d students; %d weeks of %d (%s to %s), %d counts per school report",
                regions.size(), perRegion[0], perRegion[perRegion.length - 1], municipalityCount(), perMunicipality[0],
                perMunicipality[perMunicipality.length - 1], perMunicipality[perMunicipality.length / 2],
                schools.size(), teachers(), students(), largest.code, largest.schoolCount(),
                largest.municipalities.stream().flatMap(m -> m.schools.stream()).mapToLong(s -> s.teachers).sum(),
                largest.municipalities.stream().flatMap(m -> m.schools.stream()).mapToLong(s -> s.students).sum(),
                weeks, year, period(1), period(weeks), METRICS.size());
    }

    @Command(name = "national-data", mixinStandardHelpOptions = true,
            description = "Writes synthetic national data as the tables `tsos load` reads: territories-RR.tsv per "
                    + "region, plans-YEAR.tsv, quotas-YEAR.tsv and reports-YEAR-Www.tsv per week.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--scale", defaultValue = "1.0", description = "1.0 = the whole country; 0.02 keeps whole "
                + "regions with about 2 %% of the schools (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--year", defaultValue = "2024", description = "Year of the plans and ISO weeks "
                + "(default: ${DEFAULT-VALUE}).")
        int year;

        @Option(names = "--weeks", defaultValue = "52", description = "ISO weeks reported, from week 1 "
                + "(default: ${DEFAULT-VALUE}).")
        int weeks;

        @Option(names = "--out", required = true, description = "Directory for the TSV files.")
        Path out;

        @Override
        public Integer call() {
            NationalData data = generate(seed, scale, year, weeks);
            System.out.println(data.describe());
            List<Path> files = data.writeAll(out);
            System.out.println(files.size() + " files written to " + out.toAbsolutePath()
                    + "; load them with: ./tsos load FILE… (territories first, then plans and quotas, then reports)");
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Generate()).execute(args));
    }
}
