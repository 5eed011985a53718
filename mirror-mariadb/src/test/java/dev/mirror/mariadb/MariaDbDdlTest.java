package dev.mirror.mariadb;

import static dev.mirror.api.model.SqlServerType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.dialect.support.StageUse;
import dev.mirror.testkit.dialect.KitDefaults;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exact SQL of the DDL, the LOAD DATA statement and the apply. */
class MariaDbDdlTest {
    private final MariaDbDialect d = new MariaDbDialect();
    private final TableSchema schema = KitDefaults.parse(new TableSchema("contact", List.of(Column.of("id", SqlType.of(INT), false),
            new Column("name`x", SqlType.ofLength(NVARCHAR, 50), true, "(N'it''s')"),
            new Column("flag", SqlType.of(BIT), false, "((1))"),
            new Column("created", SqlType.of(DATETIME), true, "(getdate())"),
            Column.of("blob", SqlType.ofLength(VARBINARY, SqlType.MAX), true)), List.of("id")));

    @Test
    void createTable() {
        assertThat(d.ddl().createTable("contact", schema)).containsExactly("CREATE TABLE `contact` (`id` int NOT NULL, "
                + "`name``x` varchar(50) DEFAULT 'it''s' NULL, `flag` tinyint(1) DEFAULT 1 NOT NULL, "
                + "`created` datetime(3) DEFAULT CURRENT_TIMESTAMP(3) NULL, `blob` longblob NULL, PRIMARY KEY (`id`))"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_as_ci");
    }

    @Test
    void aKeyColumnInnoDbCannotIndexIsRefusedClearly() {
        TableSchema wide = new TableSchema("wide", List.of(Column.of("k", SqlType.ofLength(NVARCHAR, 800), false)), List.of("k"));
        assertThatThrownBy(() -> d.ddl().createTable("wide", wide)).isInstanceOfSatisfying(MirrorException.class,
                e -> assertThat(e.code()).isEqualTo("KEY_TOO_LONG")).hasMessageContaining("3072 bytes");
        TableSchema fits = new TableSchema("fits", List.of(Column.of("k", SqlType.ofLength(NVARCHAR, 768), false)), List.of("k"));
        assertThat(d.ddl().createTable("fits", fits).get(0)).contains("`k` varchar(768) NOT NULL");
    }

    @Test
    void columnChanges() {
        Column n = Column.of("n", SqlType.of(INT), true);
        assertThat(d.ddl().addColumn("t", n)).containsExactly("ALTER TABLE `t` ADD COLUMN `n` int NULL");
        assertThat(d.ddl().addColumn("t", KitDefaults.defaulted("n", SqlType.of(INT), false, "((7))")))
                .containsExactly("ALTER TABLE `t` ADD COLUMN `n` int DEFAULT 7 NOT NULL");
        assertThat(d.ddl().alterColumn("t", n, n.withType(SqlType.of(BIGINT))))
                .containsExactly("ALTER TABLE `t` MODIFY COLUMN `n` bigint NULL");
        assertThat(d.ddl().alterColumn("t", Column.of("s", SqlType.ofLength(NVARCHAR, SqlType.MAX), true),
                Column.of("s", SqlType.of(NTEXT), true))).as("both longtext").isEmpty();
        assertThat(d.ddl().dropColumn("t", "a`b")).isEqualTo("ALTER TABLE `t` DROP COLUMN `a``b`");
        assertThat(d.ddl().renameTable("a", "b")).isEqualTo("RENAME TABLE `a` TO `b`");
        assertThat(d.ddl().renameIndex("t", "a", "b")).isEqualTo("ALTER TABLE `t` RENAME INDEX `a` TO `b`");
        assertThat(d.ddl().truncateTable("t")).isEqualTo("DELETE FROM `t`");
    }

    @Test
    void loadDataStatementDecodesBinaryFromHex() {
        MariaDbBulkLoader loader = new MariaDbBulkLoader(MariaDbNames.create(s -> { }), 4096, false);
        LoadDataEncoder enc = loader.encoder("contact", schema.columns());
        assertThat(loader.loadSql("`contact`", List.of("id", "name`x", "flag", "created", "blob"), enc, false, List.of()))
                .isEqualTo("LOAD DATA LOCAL INFILE 'mirror.tsv' INTO TABLE `contact` CHARACTER SET utf8mb4 FIELDS TERMINATED"
                        + " BY X'09' ESCAPED BY X'5c' LINES TERMINATED BY X'0a' (`id`, `name``x`, `flag`, `created`, @mirror_v4)"
                        + " SET `blob` = UNHEX(@mirror_v4)");
    }

    @Test
    void applyStatements() {
        MariaDbStageSql sql = stageSql();
        TableSchema two = new TableSchema("t", List.of(Column.of("id", SqlType.of(INT), false),
                Column.of("mirror_op", SqlType.ofLength(NVARCHAR, 5), true)), List.of("id"));
        StagedChanges s = sql.stage(null, "t", two, StageUse.APPLY);
        assertThat(sql.createStage("t", two, s, StageUse.APPLY)).containsExactly("DROP TEMPORARY TABLE IF EXISTS `__mirror_stage`",
                "CREATE TEMPORARY TABLE `__mirror_stage` (`id` int NOT NULL, `mirror_op` varchar(5)"
                + " NULL, `mirror_seq` BIGINT NOT NULL, `_mirror_op` CHAR(1) NOT NULL, PRIMARY KEY (`id`))"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        assertThat(sql.keyedByTableKey(s)).isTrue();
        assertThat(sql.deleteJoin("t", two, s)).isEqualTo("DELETE m FROM `t` AS m JOIN `__mirror_stage` AS s ON m.`id` = s.`id`"
                + " WHERE s.`_mirror_op` = 'D'");
        assertThat(sql.upsertFromStage("t", two, s)).isEqualTo("INSERT INTO `t` (`id`, `mirror_op`) SELECT s.`id`, s.`mirror_op` FROM"
                + " `__mirror_stage` AS s WHERE s.`_mirror_op` <> 'D' ON DUPLICATE KEY UPDATE `id` = VALUES(`id`),"
                + " `mirror_op` = VALUES(`mirror_op`)");
        assertThat(sql.clearStage(s, StageUse.APPLY)).containsExactly("DELETE FROM `__mirror_stage`");
        assertThat(sql.dropStage(s, StageUse.APPLY)).containsExactly("DROP TEMPORARY TABLE IF EXISTS `__mirror_stage`");
        DialectNames names = MariaDbNames.create(w -> { });
        MariaDbStageWriter writer = new MariaDbStageWriter(new MariaDbBulkLoader(names, 4096, false), sql);
        LoadDataEncoder enc = new LoadDataEncoder("t", two.columns(), false);
        assertThat(writer.loadSql("t", two, s, enc, true)).isEqualTo("LOAD DATA LOCAL INFILE 'mirror.tsv' REPLACE INTO TABLE"
                + " `__mirror_stage` CHARACTER SET utf8mb4 FIELDS TERMINATED BY X'09' ESCAPED BY X'5c' LINES TERMINATED BY"
                + " X'0a' (`id`, `mirror_op`, `mirror_seq`, `_mirror_op`)");
    }

    @Test
    void coreStageKeepsEveryChangeWithTheKeyIndexed() {
        MariaDbStageSql sql = stageSql();
        StagedChanges s = sql.stage(null, "contact", schema, StageUse.CORE);
        assertThat(sql.keyedByTableKey(s)).isFalse();
        assertThat(sql.createStage("contact", schema, s, StageUse.CORE).get(1)).isEqualTo("CREATE TEMPORARY TABLE"
                + " `__mirror_core_stage` (`id` int NULL, `name``x` varchar(50) NULL, `flag` tinyint(1) NULL, `created`"
                + " datetime(3) NULL, `blob` longblob NULL, `mirror_seq` BIGINT NOT NULL, `mirror_op` CHAR(1) NOT NULL,"
                + " PRIMARY KEY (`mirror_seq`), KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    }

    private static MariaDbStageSql stageSql() {
        DialectNames names = MariaDbNames.create(w -> { });
        DialectTypes types = new MariaDbColumnTypes();
        return new MariaDbStageSql(names, types, new MariaDbDdl(Set.of(), names, types, "utf8mb4_bin"));
    }
}
