package dev.mirror.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mirror.api.MirrorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a configuration file (YAML, or JSON, which is YAML too) into a tree of maps, lists and scalars, and
 * replaces {@code ${NAME}} / {@code ${NAME:-default}} with environment variables (that is how secrets such as
 * {@code ${MIRROR_TARGET_PASSWORD}} stay out of the file). A missing variable without default is a problem
 * reported with its path.
 */
public final class ConfigLoader {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private final Function<String, String> environment;

    public ConfigLoader(Function<String, String> environment) {
        this.environment = java.util.Objects.requireNonNull(environment, "environment is null");
    }

    /** A loader over the process environment. */
    public static ConfigLoader system() {
        return new ConfigLoader(System::getenv);
    }

    public Map<String, Object> load(Path file, ConfigProblems problems) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), problems);
        } catch (IOException e) {
            throw MirrorException.configuration("CONFIG_UNREADABLE", "cannot read the configuration file " + file + ": "
                    + e.getMessage() + "; check the path (--config) and its permissions");
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> parse(String text, String sourceName, ConfigProblems problems) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Object tree;
        try {
            tree = text.isBlank() ? Map.of() : yaml.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw MirrorException.configuration("CONFIG_SYNTAX", "the configuration " + sourceName + " is not valid YAML/JSON"
                    + where + ": " + e.getOriginalMessage());
        }
        if (tree == null) {
            tree = Map.of();
        }
        if (!(tree instanceof Map)) {
            throw MirrorException.configuration("CONFIG_SYNTAX", "the configuration " + sourceName
                    + " must be a mapping of keys (context, source, target, ...) at the top level");
        }
        return (Map<String, Object>) substitute(tree, "", problems);
    }

    private Object substitute(Object node, String path, ConfigProblems problems) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                r.put(key, substitute(e.getValue(), path.isEmpty() ? key : path + "." + key, problems));
            }
            return r;
        }
        if (node instanceof List<?> l) {
            List<Object> r = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                r.add(substitute(l.get(i), path + "[" + i + "]", problems));
            }
            return r;
        }
        if (node instanceof String s && s.contains("${")) {
            Matcher m = VAR.matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String value = environment.apply(m.group(1));
                if (value == null) {
                    value = m.group(2);
                }
                if (value == null) {
                    problems.add(path, "environment variable " + m.group(1) + " is not set (set it, or write ${"
                            + m.group(1) + ":-default})");
                    value = "";
                }
                m.appendReplacement(b, Matcher.quoteReplacement(value));
            }
            m.appendTail(b);
            return b.toString();
        }
        return node;
    }
}
