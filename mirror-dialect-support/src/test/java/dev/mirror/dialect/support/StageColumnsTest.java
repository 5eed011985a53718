package dev.mirror.dialect.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageColumnsTest {
    private final HashedNames names = new HashedNames("T", HashedNames.Limit.utf16Units(32), 8, StandardCharsets.UTF_8,
            HashedNames.doubling('`'), w -> { });

    @Test
    void describesTheStageWithBookkeepingColumnsNoMirrorColumnHas() {
        TableSchema schema = new TableSchema("t", List.of(Column.of("name", SqlType.of(SqlServerType.INT), true),
                Column.of("MIRROR_OP", SqlType.of(SqlServerType.INT), true), Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("a`b", SqlType.of(SqlServerType.INT), false)), List.of("id", "a`b"));
        StagedChanges stage = StageColumns.describe(names, "`stage`", schema);
        assertThat(stage.table()).isEqualTo("`stage`");
        assertThat(stage.columns()).containsExactly("`name`", "`MIRROR_OP`", "`id`", "`a``b`");
        assertThat(stage.seq()).isEqualTo("`mirror_seq`");
        assertThat(stage.op()).as("case-insensitively free").isEqualTo("`_mirror_op`");
        assertThat(StageColumns.keys(schema, stage)).containsExactly("`id`", "`a``b`");
        assertThat(StageColumns.list(StageColumns.keys(schema, stage), "s.")).isEqualTo("s.`id`, s.`a``b`");
        assertThat(StageColumns.list(List.of(), "s.")).isEmpty();
    }
}
