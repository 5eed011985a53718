package dev.mirror.indexes;

import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.TableEvent;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.util.List;
import java.util.Map;

/** Shared test data: SuperOffice's contact table and index declarations for it. */
final class Fixtures {
    private Fixtures() {
    }

    static final TableSchema CONTACT = new TableSchema("contact", List.of(
            Column.of("contact_id", SqlType.of(SqlServerType.INT), false),
            Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 220), true),
            Column.of("department", SqlType.ofLength(SqlServerType.NVARCHAR, 220), true),
            Column.of("business_idx", SqlType.of(SqlServerType.INT), true),
            Column.of("deleted", SqlType.of(SqlServerType.INT), false)),
            List.of("contact_id"));

    static Map<String, Object> index(String name, List<?> columns, Object... more) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        m.put("columns", columns);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    /** Two plain indexes on contact: one by name and department (descending), one on business_idx. */
    static Map<String, Object> twoIndexes() {
        return Map.of("tables", Map.of("contact", List.of(
                index("ix_contact_name", List.of("name", "department desc")),
                index("ix_contact_business", List.of(Map.of("name", "business_idx", "descending", false))))));
    }

    static IndexesHook hook(Map<String, Object> configuration) {
        MapPluginConfig config = new MapPluginConfig("hooks[0]", configuration);
        IndexesHook hook = (IndexesHook) new IndexesHookProvider().create(config.context());
        if (!config.problems().isEmpty()) {
            throw new AssertionError("unexpected configuration problems: " + config.problems());
        }
        return hook;
    }

    static TableEvent event(HookContext ctx, TableSchema schema, SchemaAction action) {
        return new TableEvent(ctx, schema.name(), schema, action, "test");
    }
}
