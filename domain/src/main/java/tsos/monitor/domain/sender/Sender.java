package tsos.monitor.domain.sender;

import tsos.monitor.domain.refusal.Field;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Who sends figures, and for what: a regional system may report only for its regions, so that one region can
 * never overwrite another's; plans, quotas and territories are an administrator's.
 */
public record Sender(String name, Set<String> regions, boolean admin) {

    /**
     * The names organisations have («ГКУ «РЦОИ», г. Хабаровск»): letters, digits, punctuation and symbols with
     * spaces between; never a control or invisible formatting character, which could disguise one name as another.
     */
    private static final Pattern NAME = Pattern.compile(
            "[\\p{L}\\p{N}\\p{P}\\p{S}](?:[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S} ]{0,126}[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}])?");
    private static final Pattern SUBJECT_CODE = Pattern.compile("\\d{2}");

    public Sender {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidSender(Field.Column.SENDER, "a sender's name is 1 to 128 letters, digits, punctuation (such as "
                    + "«» , . \" ( ) -) or symbols, with spaces between and no control characters");
        }
        regions = Set.copyOf(new TreeSet<>(regions));
        regions.forEach(region -> {
            if (!SUBJECT_CODE.matcher(region).matches()) {
                throw new InvalidSender(Field.Column.REGIONS, "a region is a two-digit subject code, not '" + region + "'");
            }
        });
        if (!admin && regions.isEmpty()) {
            throw new InvalidSender(Field.Column.REGIONS, "a sender reports for at least one region, or is an administrator");
        }
    }

    public static Sender admin(String name) {
        return new Sender(name, Set.of(), true);
    }

    public static Sender forRegions(String name, Set<String> regions) {
        return new Sender(name, regions, false);
    }

    public boolean mayReportFor(TerritoryCode territory) {
        return admin || regions.contains(territory.region());
    }

    public boolean mayAdminister() {
        return admin;
    }

    @Override
    public String toString() {
        return name + (admin ? " (admin)" : " (regions " + String.join(",", new TreeSet<>(regions)) + ")");
    }
}
