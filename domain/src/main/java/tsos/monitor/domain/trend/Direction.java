package tsos.monitor.domain.trend;

/** Which way a figure moved since the previous period: the Sferum slides' «растет», «падает», «нет». */
public enum Direction {
    UP,
    DOWN,
    FLAT
}
