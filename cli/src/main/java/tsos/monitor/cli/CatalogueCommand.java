package tsos.monitor.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tsos.monitor.api.v1.CatalogueGrpc;
import tsos.monitor.api.v1.Indicator;
import tsos.monitor.api.v1.IndicatorList;
import tsos.monitor.api.v1.LevelBand;
import tsos.monitor.api.v1.ListIndicatorsRequest;
import tsos.monitor.api.v1.SchoolCriterion;

@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = {"Every indicator the service measures, and every metric a report may carry.",
                "Each indicator with its code and name, the numerator and denominator metrics of its share, how "
                        + "often it is reported, its level bands and, for a school rule, the criteria a school "
                        + "must meet."})
final class CatalogueCommand implements Callable<Integer> {

    static final String TSV_HEADER = "code\tname\tnumerator\tdenominator\tcadence\tbands\tschool_criteria";

    @Mixin
    ServiceCall call;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}).")
    StatusFormat format;

    @Override
    public Integer call() throws InterruptedException {
        return call.run(channel -> {
            IndicatorList catalogue = CatalogueGrpc.newBlockingStub(channel)
                    .listIndicators(ListIndicatorsRequest.getDefaultInstance());
            return switch (format) {
                case TSV -> TSV_HEADER + "\n" + catalogue.getIndicatorsList().stream()
                        .map(i -> String.join("\t", i.getCode(), i.getName(), i.getNumerator(), i.getDenominator(),
                                cadence(i), bands(i), criteria(i)) + "\n")
                        .collect(Collectors.joining());
                case JSON -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    object.put("indicators", catalogue.getIndicatorsList().stream().map(CatalogueCommand::json)
                            .toList());
                    object.put("metrics", catalogue.getMetricsList());
                    yield StatusFormat.json(object);
                }
                case TABLE -> table(catalogue);
            };
        });
    }

    private static String table(IndicatorList catalogue) {
        int code = catalogue.getIndicatorsList().stream().mapToInt(i -> i.getCode().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Indicator i : catalogue.getIndicatorsList()) {
            String indent = " ".repeat(code + 2);
            text.append(String.format(Locale.ROOT, "%-" + code + "s  %s%n", i.getCode(), i.getName()));
            text.append(indent).append(i.getNumerator()).append(" / ").append(i.getDenominator()).append(", ")
                    .append(cadence(i)).append('\n');
            if (i.getBandsCount() > 0) {
                text.append(indent).append("levels: ").append(bands(i)).append('\n');
            }
            if (i.getSchoolCriteriaCount() > 0) {
                text.append(indent).append("a school counts when ").append(criteria(i).replace("; ", " and "))
                        .append('\n');
            }
        }
        return text.append("\nmetrics a report may carry: ").append(String.join(", ", catalogue.getMetricsList()))
                .append('\n').toString();
    }

    private static String cadence(Indicator i) {
        return i.getCadence().name().toLowerCase(Locale.ROOT);
    }

    /** "low 0.00–30.00; sufficient 30.00–70.00; high 70.00–100": each band from its lower bound, inclusive. */
    private static String bands(Indicator i) {
        return i.getBandsList().stream().map(b -> b.getName() + " " + StatusFormat.percent(b.getLowerInclusive())
                        + "–" + (b.hasUpperExclusive() ? StatusFormat.percent(b.getUpperExclusive()) : "100"))
                .collect(Collectors.joining("; "));
    }

    /** "teachers_with_access / teachers_total ≥ 50.00 %; …". */
    private static String criteria(Indicator i) {
        return i.getSchoolCriteriaList().stream().map(c -> c.getNumerator() + " / " + c.getDenominator() + " ≥ "
                + StatusFormat.percent(c.getAtLeast()) + " %").collect(Collectors.joining("; "));
    }

    private static Map<String, Object> json(Indicator i) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("code", i.getCode());
        object.put("name", i.getName());
        object.put("numerator", i.getNumerator());
        object.put("denominator", i.getDenominator());
        object.put("cadence", cadence(i));
        object.put("bands", i.getBandsList().stream().map(CatalogueCommand::json).toList());
        object.put("school_criteria", i.getSchoolCriteriaList().stream().map(CatalogueCommand::json).toList());
        return object;
    }

    private static Map<String, Object> json(LevelBand band) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", band.getName());
        object.put("lower_inclusive", new java.math.BigDecimal(StatusFormat.percent(band.getLowerInclusive())));
        object.put("upper_exclusive", band.hasUpperExclusive()
                ? new java.math.BigDecimal(StatusFormat.percent(band.getUpperExclusive())) : null);
        return object;
    }

    private static Map<String, Object> json(SchoolCriterion criterion) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("numerator", criterion.getNumerator());
        object.put("denominator", criterion.getDenominator());
        object.put("at_least", new java.math.BigDecimal(StatusFormat.percent(criterion.getAtLeast())));
        return object;
    }
}
