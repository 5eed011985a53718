package dev.mirror.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Switches the CLI's logback configuration: {@code logback.xml} (human lines on stderr) or, with {@code --log-json},
 * {@code logback-json.xml} (one JSON object per line on stderr, for log shippers), and the level of our loggers.
 * Logs go to stderr so that stdout carries only the command's output (tables, JSON).
 */
final class Logging {
    private Logging() {
    }

    static void init() {
        // logback reads logback.xml by itself; nothing to do unless a switch asks for more
    }

    static void json(boolean json) {
        if (json) {
            configure("logback-json.xml");
        }
    }

    /** Sets the level of the {@code dev.mirror} loggers (DEBUG, INFO, WARN). */
    static void level(String level) {
        ILoggerFactory f = LoggerFactory.getILoggerFactory();
        if (f instanceof LoggerContext ctx) {
            ctx.getLogger("dev.mirror").setLevel(Level.toLevel(level, Level.INFO));
        }
    }

    /** The current level of the {@code dev.mirror} loggers, or null when not logback. */
    static String level() {
        ILoggerFactory f = LoggerFactory.getILoggerFactory();
        if (f instanceof LoggerContext ctx) {
            Level l = ctx.getLogger("dev.mirror").getEffectiveLevel();
            return l == null ? null : l.toString();
        }
        return null;
    }

    private static void configure(String resource) {
        ILoggerFactory f = LoggerFactory.getILoggerFactory();
        URL url = Logging.class.getClassLoader().getResource(resource);
        if (!(f instanceof LoggerContext ctx) || url == null) {
            return;
        }
        ctx.reset();
        JoranConfigurator c = new JoranConfigurator();
        c.setContext(ctx);
        try {
            c.doConfigure(url);
        } catch (JoranException e) {
            System.err.println("mirror: cannot configure logging from " + resource + ": " + e.getMessage());
        }
    }
}
