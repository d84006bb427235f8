package tsos.monitor.domain.territory;

import java.util.Locale;

/**
 * A municipality's name as files and requests write it, compared the one way the service compares names: without
 * the spaces around it and whatever its case («Амурский район» is « амурский РАЙОН »). Ё and Е stay apart: the
 * sources write a name one way, and folding them could join two districts.
 */
public record MunicipalityName(String folded) {

    public MunicipalityName {
        folded = folded.strip().toLowerCase(Locale.ROOT);
    }

    public static MunicipalityName of(String name) {
        return new MunicipalityName(name);
    }
}
