package dev.mirror.testkit.hook;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.hook.TargetSession;
import dev.mirror.api.model.SqlType;
import java.util.Set;

/** The naming and typing half of the kit's sessions: what a hook asks about names and types, answered by a dialect. */
abstract class DialectBackedSession implements TargetSession {
    protected final TargetDialect dialect;

    DialectBackedSession(TargetDialect dialect) {
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    @Override
    public String dialectName() {
        return dialect.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return dialect.capabilities();
    }

    @Override
    public String targetName(String sourceName) {
        return dialect.names().targetName(sourceName);
    }

    @Override
    public String quote(String targetName) {
        return dialect.names().quote(targetName);
    }

    @Override
    public String columnType(SqlType type) {
        return dialect.types().columnType(type);
    }
}
