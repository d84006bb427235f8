package tsos.monitor.domain.indicator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The levels of an indicator (low / sufficient / high; Min / Norm / Target), lowest first, without gaps. */
public record LevelBands(List<Level> levels) {

    public static final LevelBands NONE = new LevelBands(List.of());

    public LevelBands {
        levels = levels.stream().sorted(Comparator.comparing(Level::lowerInclusive)).toList();
        for (int i = 1; i < levels.size(); i++) {
            Optional<Percent> previousUpper = levels.get(i - 1).upperExclusive();
            if (previousUpper.isEmpty() || !previousUpper.get().equals(levels.get(i).lowerInclusive())) {
                throw new IllegalArgumentException("level " + levels.get(i).name()
                        + " must start where level " + levels.get(i - 1).name() + " ends");
            }
        }
    }

    public Optional<Level> levelOf(Percent percent) {
        return levels.stream().filter(level -> level.contains(percent)).findFirst();
    }
}
