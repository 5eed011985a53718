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
 * @param http        {@code run.http} (and {@code run.metricsPort}): the front end's HTTP port for long runs (status
 *                    page, probes, Prometheus metrics; served by the front end, not by core)
 * @param lockTtl     {@code run.lockTtl}: how long the run lock lasts without a heartbeat (default 5m)
 * @param lockWait    {@code run.wait}: how long a run waits for the lock (default 0s: refuse at once)
 * @param backoff     {@code run.backoff}: how a run waits out an unreachable target or source
 * @param workers     {@code run.workers}: how many tables a pull cycle processes at once, each on its own target connection
 *                    (default the smaller of 4 and the available processors; see
 *                    {@link dev.mirror.api.protocol.MirrorProtocol#forEachTable})
 */
public record RunSettings(Duration every, LocalTime pauseFrom, LocalTime pauseTo, ZoneId zone, Http http, Duration lockTtl,
                          Duration lockWait, Backoff backoff, int workers) {
    /**
     * Where a long run's front end serves its status page, {@code /status.json}, {@code /healthz}, {@code /readyz} and
     * {@code /metrics}.
     *
     * @param port          {@code run.http.port} or {@code run.metricsPort}: the port, 0 for a free one, -1 for none
     * @param bindAddress   {@code run.http.bindAddress} (default {@code 127.0.0.1}): the address to listen on
     * @param token         {@code run.http.token} (secret, may be null): required from every caller but the probes;
     *                      required in the configuration when the address is not a loopback address
     * @param notReadyAfter {@code run.http.notReadyAfter} (default 15m): {@code /readyz} fails once cycles have been
     *                      failing for longer than this
     */
    public record Http(int port, String bindAddress, String token, Duration notReadyAfter) {
        static final Http DEFAULT = new Http(-1, "127.0.0.1", null, Duration.ofMinutes(15));
        static final Set<String> KEYS = Set.of("port", "bindAddress", "token", "notReadyAfter");

        public Http {
            requireNonNull(bindAddress, "bindAddress is null");
            requireNonNull(notReadyAfter, "notReadyAfter is null");
        }

        /** The same settings on another port (tests, command-line overrides). */
        public Http withPort(int p) {
            return new Http(p, bindAddress, token, notReadyAfter);
        }

        @Override
        public String toString() { // the token is a secret: never printed
            return "Http[port=" + port + ", bindAddress=" + bindAddress + ", token=" + (token == null ? "none" : "****")
                    + ", notReadyAfter=" + notReadyAfter + "]";
        }
    }

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

    static final Set<String> KEYS = Set.of("every", "pause", "metricsPort", "http", "lockTtl", "wait", "backoff", "workers");
    /** The most tables at once; more would only queue for the target's connections. */
    static final int MAX_WORKERS = 64;
    static final Set<String> PAUSE_KEYS = Set.of("from", "to", "zone");
    static final Set<String> BACKOFF_KEYS = Set.of("initial", "max", "giveUpAfter");

    public RunSettings {
        requireNonNull(zone, "zone is null");
        requireNonNull(http, "http is null");
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
        return new RunSettings(null, null, null, ZoneId.systemDefault(), Http.DEFAULT, Duration.ofMinutes(5), Duration.ZERO, Backoff.DEFAULT,
                defaultWorkers());
    }

    /** {@code run.metricsPort} / {@code run.http.port}: the front end's HTTP port, or -1 for none. */
    public int metricsPort() {
        return http.port();
    }

    /** The same settings with other HTTP settings. */
    public RunSettings withHttp(Http h) {
        return new RunSettings(every, pauseFrom, pauseTo, zone, h, lockTtl, lockWait, backoff, workers);
    }

    /** The same settings with another interval (null: one cycle). */
    public RunSettings withEvery(Duration interval) {
        return new RunSettings(interval, pauseFrom, pauseTo, zone, http, lockTtl, lockWait, backoff, workers);
    }

    /** The same settings with another wait for the run lock. */
    public RunSettings withLockWait(Duration wait) {
        return new RunSettings(every, pauseFrom, pauseTo, zone, http, lockTtl, wait, backoff, workers);
    }

    /** The same settings with another backoff. */
    public RunSettings withBackoff(Backoff b) {
        return new RunSettings(every, pauseFrom, pauseTo, zone, http, lockTtl, lockWait, b, workers);
    }

    /** The same settings with another number of workers. */
    public RunSettings withWorkers(int n) {
        return new RunSettings(every, pauseFrom, pauseTo, zone, http, lockTtl, lockWait, backoff, n);
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
        Http http = http(run.get("http"), port(run.get("metricsPort"), "run.metricsPort", problems), problems);
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
        return new RunSettings(every, from, to, zone, http, ttl, wait, backoff(run.get("backoff"), problems), workers);
    }

    private static int port(Object v, String path, ConfigProblems problems) {
        if (v == null) {
            return -1;
        }
        try {
            int port = Integer.parseInt(String.valueOf(v).trim());
            if (port < 0 || port > 65535) {
                problems.add(path, "must be 0..65535 (0 picks a free port), got " + port);
                return -1;
            }
            return port;
        } catch (NumberFormatException e) {
            problems.add(path, "expected a port number, found '" + v + "'");
            return -1;
        }
    }

    @SuppressWarnings("unchecked")
    private static Http http(Object node, int metricsPort, ConfigProblems problems) {
        Http d = Http.DEFAULT.withPort(metricsPort);
        if (node == null) {
            return d;
        }
        if (!(node instanceof Map<?, ?> m)) {
            problems.add("run.http", "expected a mapping of keys (" + String.join(", ", new TreeSet<>(Http.KEYS)) + ")");
            return d;
        }
        unknown((Map<String, Object>) m, Http.KEYS, "run.http", problems);
        int port = metricsPort;
        if (m.get("port") != null) {
            port = port(m.get("port"), "run.http.port", problems);
            if (metricsPort >= 0 && port != metricsPort) {
                problems.add("run.http.port", "differs from run.metricsPort (" + metricsPort + "): both name the one port of "
                        + "the status page and the metrics; keep one of them");
            }
        }
        String bind = m.get("bindAddress") == null ? d.bindAddress() : String.valueOf(m.get("bindAddress")).trim();
        String token = m.get("token") == null ? null : String.valueOf(m.get("token"));
        if (token != null && token.isBlank()) {
            problems.add("run.http.token", "is empty; give a token (e.g. ${MIRROR_HTTP_TOKEN}) or remove the key");
            token = null;
        } else if (token != null && token.length() < 16) {
            problems.add("run.http.token", "is shorter than 16 characters; use a long random value (e.g. openssl rand -hex 24)");
        }
        if (bind.isEmpty()) {
            problems.add("run.http.bindAddress", "is empty; give an address such as 127.0.0.1 or 0.0.0.0");
            bind = d.bindAddress();
        } else if (token == null && !loopback(bind)) {
            problems.add("run.http.token", "is required when run.http.bindAddress (" + bind + ") is not a loopback address: "
                    + "other hosts must present it (set token: ${MIRROR_HTTP_TOKEN}, or bind to 127.0.0.1)");
        }
        Duration notReady = duration(m.get("notReadyAfter"), "run.http.notReadyAfter", d.notReadyAfter(), problems);
        return new Http(port, bind, token, notReady);
    }

    /** Whether an address is a loopback address, without any name lookup (a name counts as not loopback but localhost). */
    static boolean loopback(String address) {
        String a = address.trim().toLowerCase(java.util.Locale.ROOT);
        return a.equals("localhost") || a.startsWith("127.") || a.equals("::1") || a.equals("[::1]");
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
