package dev.mirror.core.internal.hooks;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.hook.TargetSession;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.internal.database.TargetDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The hooks' narrow handle on a target: every call runs and commits on its own connection; the dialect stays hidden. */
public final class CoreTargetSession implements TargetSession {
    private final TargetDatabase target;

    public CoreTargetSession(TargetDatabase target) {
        this.target = requireNonNull(target, "target is null");
    }

    private TargetDialect dialect() {
        return target.dialect();
    }

    @Override
    public String dialectName() {
        return dialect().name();
    }

    @Override
    public Set<Capability> capabilities() {
        return dialect().capabilities();
    }

    @Override
    public String targetName(String sourceName) {
        return dialect().names().targetName(sourceName);
    }

    @Override
    public String quote(String targetName) {
        return dialect().names().quote(targetName);
    }

    @Override
    public String columnType(SqlType type) {
        return dialect().types().columnType(type);
    }

    @Override
    public void execute(String sql) {
        target.autoCommit("hook statement", c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    @Override
    public int execute(String sql, Object... parameters) {
        return target.autoCommit("hook statement", c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    p.setObject(i + 1, parameters[i]);
                }
                return p.executeUpdate();
            }
        });
    }

    @Override
    public List<List<Object>> query(String sql, Object... parameters) {
        return target.autoCommit("hook query", c -> {
            List<List<Object>> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    p.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) {
                            row.add(rs.getObject(i));
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        });
    }

    @Override
    public Set<String> indexes(String sourceTable) {
        return target.autoCommit("listing indexes of " + sourceTable,
                c -> target.dialect().catalog().listIndexes(c, target.dialect().names().targetName(sourceTable)));
    }

    @Override
    public void createIndex(String sourceTable, IndexDefinition index) {
        execute(dialect().ddl().createIndex(targetName(sourceTable), index));
    }

    @Override
    public void createIndexOnShadow(String shadowTable, IndexDefinition index) {
        execute(dialect().ddl().createIndex(shadowTable, index));
    }

    @Override
    public void renameIndex(String sourceTable, String from, String to) {
        execute(dialect().ddl().renameIndex(targetName(sourceTable), from, to));
    }
}
