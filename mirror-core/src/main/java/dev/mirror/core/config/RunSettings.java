package dev.mirror.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code run} section of the configuration: how {@link dev.mirror.core.run.MirrorRunner} schedules cycles and holds the run lock. Core
 * binds it with the rest of the file ({@link dev.mirror.core.Mirror#runSettings()}); front ends may override single
 * values from their command line with the {@code with*} methods.
 *
 * @param every       {@code run.every}: the interval between cycle starts, or null (one cycle)
 * @param pauseFrom   {@code run.pause.from} ({@code HH:mm}): no cycle starts from this time ...
 * @param pauseTo     {@code run.pause.to}: ... until this time (may wrap past midnight), or both null
 * @param zone        {@code run.pause.zone}: the time zone of the pause window (default: the system's)
 * @param metricsPort {@code run.metricsPort}: Prometheus endpoint port for long runs, or -1 for none (served by the
 *                    front end, not by core)
 * @param lockTtl     {@code run.lockTtl}: how long the run lock lasts without a heartbeat (default 5m)
 * @param lockWait    {@code run.wait}: how long a run waits for the lock (default 0s: refuse at once)
 * @param backoff     {@code run.backoff}: how a run waits out an unreachable target or source
 * @param workers     {@code run.workers}: how many tables a pull cycle processes at once, each on its own target connection
 *                    (default the smaller of 4 and the available processors; see
 *                    {@link dev.mirror.api.protocol.MirrorProtocol#forEachTable})
 */
public record RunSettings(Duration every, LocalTime pauseFrom, LocalTime pauseTo, ZoneId zone, int metricsPort, Duration lockTtl,
                          Duration lockWait, Backoff backoff, int workers) {
    /**
     * How a run waits while the target or the source cannot be reached: the first wait is {@code initial}, doubled
     * after each failed attempt up to {@code max}; after {@code giveUpAfter} (null: never) the run ends with the error.
     *
     * @param initial     {@code run.backoff.initial} (default 1s)
     * @param max         {@code run.backoff.max} (default 1m)
     * @param giveUpAfter {@code run.backoff.giveUpAfter} (default none: wait until stopped)
     */
    public record Backoff(Duration initial, Duration max, Duration giveUpAfter) {
        static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), null);

        public Backoff {
            requireNonNull(initial, "initial is null");
            requireNonNull(max, "max is null");
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff: need 0 <= initial <= max");
            }
        }

        /** The wait after failed attempt number {@code attempt} (1-based). */
        public Duration delay(int attempt) {
            Duration d = initial;
            for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) {
                d = d.multipliedBy(2);
            }
            return d.compareTo(max) > 0 ? max : d;
        }
    }

    static final Set<String> KEYS = Set.of("every", "pause", "metricsPort", "lockTtl", "wait", "backoff", "workers");
    /** The most tables at once; more would only queue for the target's connections. */
    static final int MAX_WORKERS = 64;
    static final Set<String> PAUSE_KEYS = Set.of("from", "to", "zone");
    static final Set<String> BACKOFF_KEYS = Set.of("initial", "max", "giveUpAfter");

    public RunSettings {
        requireNonNull(zone, "zone is null");
        requireNonNull(lockTtl, "lockTtl is null");
        requireNonNull(lockWait, "lockWait is null");
        requireNonNull(backoff, "backoff is null");
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be 1.." + MAX_WORKERS + ", got " + workers);
        }
    }

    /** The default of {@code run.workers}: the smaller of 4 and the available processors. */
    public static int defaultWorkers() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** No schedule (one cycle), no pause window, lock lasting 5m, no waiting for the lock, default backoff. */
    public static RunSettings defaults() {
        return new RunSettings(null, null, null, ZoneId.systemDefault(), -1, Duration.ofMinutes(5), Duration.ZERO, Backoff.DEFAULT,
                defaultWorkers());
    }

    /** The same settings with another interval (null: one cycle). */
    public RunSettings withEvery(Duration interval) {
        return new RunSettings(interval, pauseFrom, pauseTo, zone, metricsPort, lockTtl, lockWait, backoff, workers);
    }

    /** The same settings with another wait for the run lock. */
    public RunSettings withLockWait(Duration wait) {
        return new RunSettings(every, pauseFrom, pauseTo, zone, metricsPort, lockTtl, wait, backoff, workers);
    }

    /** The same settings with another backoff. */
    public RunSettings withBackoff(Backoff b) {
        return new RunSettings(every, pauseFrom, pauseTo, zone, metricsPort, lockTtl, lockWait, b, workers);
    }

    /** The same settings with another number of workers. */
    public RunSettings withWorkers(int n) {
        return new RunSettings(every, pauseFrom, pauseTo, zone, metricsPort, lockTtl, lockWait, backoff, n);
    }

    /** Binds {@code run} (a map, or null for the defaults); every problem goes to {@code problems} with its path. */
    @SuppressWarnings("unchecked")
    public static RunSettings bind(Object node, ConfigProblems problems) {
        RunSettings d = defaults();
        if (node == null) {
            return d;
        }
        if (!(node instanceof Map<?, ?> raw)) {
            problems.add("run", "expected a mapping of keys (" + String.join(", ", new TreeSet<>(KEYS)) + ")");
            return d;
        }
        Map<String, Object> run = (Map<String, Object>) raw;
        unknown(run, KEYS, "run", problems);
        Duration every = duration(run.get("every"), "run.every", null, problems);
        if (every != null && every.isZero()) {
            problems.add("run.every", "must be longer than 0 (or leave it out to run one cycle)");
            every = null;
        }
        LocalTime from = null;
        LocalTime to = null;
        ZoneId zone = d.zone();
        Object pause = run.get("pause");
        if (pause instanceof Map<?, ?> p) {
            unknown((Map<String, Object>) p, PAUSE_KEYS, "run.pause", problems);
            from = time(p.get("from"), "run.pause.from", problems);
            to = time(p.get("to"), "run.pause.to", problems);
            if ((from == null) != (to == null)) {
                problems.add("run.pause", "needs both 'from' and 'to' (HH:mm), e.g. from: \"22:00\", to: \"06:00\"");
                from = null;
                to = null;
            }
            if (p.get("zone") != null) {
                try {
                    zone = ZoneId.of(String.valueOf(p.get("zone")));
                } catch (RuntimeException e) {
                    problems.add("run.pause.zone", "'" + p.get("zone") + "' is not a time zone; use e.g. Europe/Oslo or UTC");
                }
            }
        } else if (pause != null) {
            problems.add("run.pause", "expected a mapping with 'from' and 'to' (HH:mm)");
        }
        int port = d.metricsPort();
        Object mp = run.get("metricsPort");
        if (mp != null) {
            try {
                port = Integer.parseInt(String.valueOf(mp).trim());
                if (port < 0 || port > 65535) {
                    problems.add("run.metricsPort", "must be 0..65535 (0 picks a free port), got " + port);
                    port = -1;
                }
            } catch (NumberFormatException e) {
                problems.add("run.metricsPort", "expected a port number, found '" + mp + "'");
            }
        }
        Duration ttl = duration(run.get("lockTtl"), "run.lockTtl", d.lockTtl(), problems);
        if (ttl.compareTo(Duration.ofSeconds(10)) < 0) {
            problems.add("run.lockTtl", "must be at least 10s (the heartbeat renews it every third of it)");
            ttl = d.lockTtl();
        }
        Duration wait = duration(run.get("wait"), "run.wait", d.lockWait(), problems);
        int workers = d.workers();
        Object w = run.get("workers");
        if (w != null) {
            try {
                workers = Integer.parseInt(String.valueOf(w).trim());
                if (workers < 1 || workers > MAX_WORKERS) {
                    problems.add("run.workers", "must be 1.." + MAX_WORKERS + " (tables processed at once), got " + workers);
                    workers = d.workers();
                }
            } catch (NumberFormatException e) {
                problems.add("run.workers", "expected a number of tables processed at once, found '" + w + "'");
            }
        }
        return new RunSettings(every, from, to, zone, port, ttl, wait, backoff(run.get("backoff"), problems), workers);
    }

    @SuppressWarnings("unchecked")
    private static Backoff backoff(Object node, ConfigProblems problems) {
        Backoff d = Backoff.DEFAULT;
        if (node == null) {
            return d;
        }
        if (!(node instanceof Map<?, ?> m)) {
            problems.add("run.backoff", "expected a mapping with 'initial', 'max' and 'giveUpAfter' (durations)");
            return d;
        }
        unknown((Map<String, Object>) m, BACKOFF_KEYS, "run.backoff", problems);
        Duration initial = duration(m.get("initial"), "run.backoff.initial", d.initial(), problems);
        Duration max = duration(m.get("max"), "run.backoff.max", d.max(), problems);
        Duration giveUp = duration(m.get("giveUpAfter"), "run.backoff.giveUpAfter", null, problems);
        if (initial.isZero()) {
            problems.add("run.backoff.initial", "must be longer than 0");
            initial = d.initial();
        }
        if (max.compareTo(initial) < 0) {
            problems.add("run.backoff.max", "must be at least run.backoff.initial (" + Durations.format(initial) + ")");
            max = initial;
        }
        return new Backoff(initial, max, giveUp);
    }

    private static void unknown(Map<String, Object> map, Set<String> known, String path, ConfigProblems problems) {
        for (String k : map.keySet()) {
            if (!known.contains(k)) {
                problems.add(path + "." + k, "unknown key; known keys here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static Duration duration(Object v, String path, Duration dflt, ConfigProblems problems) {
        if (v == null) {
            return dflt;
        }
        try {
            return Durations.parse(String.valueOf(v));
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return dflt;
        }
    }

    private static LocalTime time(Object v, String path, ConfigProblems problems) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.longValue() >= 0 && n.longValue() < 24 * 60) {
            // YAML 1.1 reads an unquoted 22:00 as the base-60 number 1320 (minutes)
            return LocalTime.ofSecondOfDay(n.longValue() * 60);
        }
        try {
            return LocalTime.parse(String.valueOf(v).trim());
        } catch (DateTimeParseException e) {
            problems.add(path, "'" + v + "' is not a time of day; write HH:mm, e.g. \"22:00\" (quoted in YAML)");
            return null;
        }
    }

    /** Whether {@code t} lies in the pause window (which may wrap past midnight). */
    public boolean paused(LocalTime t) {
        if (pauseFrom == null) {
            return false;
        }
        if (pauseFrom.equals(pauseTo)) {
            return false;
        }
        return pauseFrom.isBefore(pauseTo) ? !t.isBefore(pauseFrom) && t.isBefore(pauseTo)
                : !t.isBefore(pauseFrom) || t.isBefore(pauseTo);
    }

    /** How long from {@code now} until the pause window ends (the next {@code pauseTo}). */
    public Duration untilEndOfPause(ZonedDateTime now) {
        ZonedDateTime end = now.withZoneSameInstant(zone).with(pauseTo);
        if (!end.isAfter(now)) {
            end = end.plusDays(1);
        }
        return Duration.between(now, end);
    }
}
