package dev.mirror.tests;

import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds mirrors for tests from configuration trees, the way the command-line tool does from a file. */
final class TestMirrors {
    private TestMirrors() {
    }

    static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("mirror").toAbsolutePath() + ";LOCK_TIMEOUT=10000";
    }

    static Map<String, Object> sampleToTarget(String context, String dialect, String url, Map<String, Object> sourceExtra,
                                              Map<String, Object> targetExtra) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "sample");
        source.put("scale", 1);
        source.putAll(sourceExtra);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("dialect", dialect);
        target.put("url", url);
        target.putAll(targetExtra);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", context);
        tree.put("source", source);
        tree.put("target", target);
        return tree;
    }

    static Mirror build(Map<String, Object> tree) {
        return Mirror.builder().config(tree, "test").pluginDirectory(false).progress(ProgressListener.NONE).build();
    }
}
