package tsos.monitor.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tsos.monitor.application.CountryBriefing;
import tsos.monitor.application.RegionalBriefing;
import tsos.monitor.application.SenderAuthentication;
import tsos.monitor.application.UnknownReference;
import tsos.monitor.domain.indicator.Level;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.port.StoreBusy;
import tsos.monitor.domain.port.StoreUnavailable;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.TerritoryReference;

/**
 * The briefing as an HTML page on the service's HTTP server (the one of /metrics): {@code /briefings/R/M}, with
 * {@code ?municipality=} for a municipality's education authority and {@code &school=} for a school's card,
 * {@code /briefings/country/M} for the whole country, and the index of regions and months at {@code /}. Reads
 * follow the gRPC reads' rule ({@link SenderAuthentication#caller}): open unless {@code tsos.auth.open-reads} is
 * false, then exactly one {@code Authorization: Bearer …} with a sender's token. An unreachable database answers
 * 503, as the gRPC reads answer UNAVAILABLE.
 */
@Controller
@Produces("text/html; charset=utf-8")
final class BriefingController {

    /** The children in one level band (or those with no percent, when the band is absent). */
    public record Band(String name, String cssClass, List<IndicatorStatus> members) {
    }

    public record ChildrenSection(RegionalBriefing.Children children, BriefingCharts.BarChart chart,
                                  List<Band> bands) {
    }

    public record YearSection(RegionalBriefing.YearPlan plan, @Nullable BriefingCharts.YearChart chart) {
    }

    private final RegionalBriefing briefings;
    private final CountryBriefing country;
    private final ThymeleafViewsRenderer<Map<String, Object>> templates;
    private final SenderAuthentication authentication;
    private final RussianFormat format = new RussianFormat(ZoneId.systemDefault());
    private final BriefingCharts charts = new BriefingCharts(format);

    BriefingController(RegionalBriefing briefings, CountryBriefing country,
                       ThymeleafViewsRenderer<Map<String, Object>> templates, SenderAuthentication authentication) {
        this.briefings = briefings;
        this.country = country;
        this.templates = templates;
        this.authentication = authentication;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    String index(HttpRequest<?> request) {
        checkReader(request);
        List<RegionalBriefing.RegionMonths> regions = briefings.index();
        List<Month> countryMonths = regions.stream().flatMap(r -> r.months().stream()).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        return page("index", Map.of("regions", regions, "country", countryMonths, "fmt", format), request);
    }

    @Get("/briefings/country/{month}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String country(HttpRequest<?> request, String month) {
        checkReader(request);
        CountryBriefing.Briefing briefing = country.of(month(month));
        return page("country", Map.of("b", briefing, "fmt", format,
                "regions", briefing.regions().stream().map(this::section).toList(),
                "coverageNotes", briefing.partlyCovered().stream()
                        .map(f -> f.indicator().code() + ": " + format.regions(f.regions())).toList()), request);
    }

    @Get("/briefings/{region}/{month}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String briefing(HttpRequest<?> request, String region, String month, @Nullable @QueryValue String municipality,
                    @Nullable @QueryValue String school) {
        checkReader(request);
        Month parsed = month(month);
        RegionalBriefing.Briefing briefing;
        try {
            briefing = briefings.of(new TerritoryReference(region, municipality, school), parsed);
        } catch (UnknownReference e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return page("briefing", Map.of("b", briefing, "fmt", format,
                "children", briefing.children().stream().map(this::section).toList(),
                "coverageNotes", briefing.partlyCovered().stream()
                        .map(s -> s.indicator().code() + ": " + format.coverage(s)).toList(),
                "years", briefing.year().stream().map(y -> new YearSection(y, charts.year(y).orElse(null))).toList()),
                request);
    }

    /** The store is down or every connection is busy: retryable, as the gRPC reads' UNAVAILABLE. */
    @Error(exception = StoreUnavailable.class)
    HttpResponse<String> unavailable(StoreUnavailable e) {
        return retryLater("the database is unavailable; retry");
    }

    @Error(exception = StoreBusy.class)
    HttpResponse<String> busy(StoreBusy e) {
        return retryLater("the database is busy; retry in a moment");
    }

    private static HttpResponse<String> retryLater(String why) {
        return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.TEXT_PLAIN_TYPE).body(why);
    }

    private static Month month(String month) {
        try {
            return Month.parse(month);
        } catch (RuntimeException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "month: '" + month + "' is not a month (YYYY-MM)");
        }
    }

    /**
     * The whole page rendered before the first byte is sent: a template that fails answers 500, where a page
     * rendered while it is written would leave the connection open with nothing sent until the idle timeout.
     */
    private String page(String template, Map<String, Object> model, HttpRequest<?> request) {
        StringWriter text = new StringWriter();
        try {
            templates.render(template, model, request).writeTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private ChildrenSection section(RegionalBriefing.Children children) {
        List<Level> levels = children.indicator().bands().levels();
        List<Band> bands = new ArrayList<>();
        for (int i = levels.size() - 1; i >= 0; i--) {
            bands.add(new Band(format.level(levels.get(i)), "band-" + i + "-of-" + levels.size(),
                    children.in(levels.get(i))));
        }
        if (!children.withoutPercent().isEmpty()) {
            bands.add(new Band("нет данных или данные противоречивы", "band-none", children.withoutPercent()));
        }
        return new ChildrenSection(children, charts.bars(children), bands);
    }

    private void checkReader(HttpRequest<?> request) {
        if (authentication.readsOpen()) {
            return;
        }
        authentication.caller(request.getHeaders().getAll(HttpHeaders.AUTHORIZATION)).fold(sender -> sender,
                reason -> {
                    throw new HttpStatusException(HttpStatus.UNAUTHORIZED, reason);
                });
    }
}
