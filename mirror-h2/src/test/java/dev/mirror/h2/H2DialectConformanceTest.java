package dev.mirror.h2;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.testkit.dialect.AbstractTargetDialectTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the target-dialect conformance kit on a temporary H2 file database (a file, not memory: the
 * streaming tests write more than the heap, and the file is what users get).
 */
class H2DialectConformanceTest extends AbstractTargetDialectTest {
    @TempDir
    static Path dir;

    private final TargetDialect dialect = new H2Dialect();

    @Override
    protected TargetDialect dialect() {
        return dialect;
    }

    @Override
    protected Connection openConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("conformance").toAbsolutePath(), "sa", "");
    }
}
