package dev.mirror.sqlserver.dialect;

import dev.mirror.sqlserver.common.SqlServerTypes;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.SqlType;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SQL Server's {@link DialectTypes}: its own types ({@link SqlServerTypes}), defaults (parsed by core) rendered by {@link SqlServerDefaults}. */
final class SqlServerColumnTypes implements DialectTypes {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerColumnTypes.class);

    @Override
    public String columnType(SqlType type) {
        return SqlServerTypes.ddlType(type);
    }

    /** {@code DEFAULT <expr>} for a column whose source default is a plain literal or known function. */
    @Override
    public Optional<String> defaultClause(Column column) {
        Optional<ColumnDefault> value = column.defaultValue();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> rendered = SqlServerDefaults.render(value.get());
        if (rendered.isEmpty()) {
            LOG.warn("Default of column '{}' is not a plain literal or known function ({}); the mirror column is created"
                    + " without it (the mirror receives every value, so it never needs the default)",
                    column.name(), column.defaultExpression());
        }
        return rendered.map(v -> "DEFAULT " + v);
    }
}
