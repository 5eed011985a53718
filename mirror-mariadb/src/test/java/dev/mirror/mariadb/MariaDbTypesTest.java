package dev.mirror.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.SqlType;
import org.junit.jupiter.api.Test;

class MariaDbTypesTest {
    private static String t(String declaration) {
        return MariaDbTypes.columnType(SqlType.parse(declaration));
    }

    @Test
    void mapsEveryShapeOfType() {
        assertThat(t("nvarchar(768)")).isEqualTo("varchar(768)");
        assertThat(t("nvarchar(769)")).isEqualTo("text");
        assertThat(t("varchar(8000)")).isEqualTo("text");
        assertThat(t("nvarchar(max)")).isEqualTo("longtext");
        assertThat(t("ntext")).isEqualTo("longtext");
        assertThat(t("nchar(10)")).isEqualTo("varchar(10)");
        assertThat(t("datetime2(7)")).isEqualTo("datetime(6)");
        assertThat(t("datetime2(0)")).isEqualTo("datetime");
        assertThat(t("datetimeoffset(3)")).isEqualTo("datetime(3)");
        assertThat(t("time(7)")).isEqualTo("time(6)");
        assertThat(t("datetime")).isEqualTo("datetime(3)");
        assertThat(t("smalldatetime")).isEqualTo("datetime");
        assertThat(t("bit")).isEqualTo("tinyint(1)");
        assertThat(t("tinyint")).isEqualTo("tinyint unsigned");
        assertThat(t("uniqueidentifier")).isEqualTo("uuid");
        assertThat(t("money")).isEqualTo("decimal(19,4)");
        assertThat(t("decimal(38,38)")).isEqualTo("decimal(38,38)");
        assertThat(t("float")).isEqualTo("double");
        assertThat(t("real")).isEqualTo("float");
        assertThat(t("binary(16)")).isEqualTo("binary(16)");
        assertThat(t("binary(256)")).isEqualTo("varbinary(256)");
        assertThat(t("varbinary(3072)")).isEqualTo("varbinary(3072)");
        assertThat(t("varbinary(8000)")).isEqualTo("blob");
        assertThat(t("image")).isEqualTo("longblob");
    }

    @Test
    void normalizesCatalogSpelling() {
        assertThat(MariaDbTypes.normalize("int(11)")).isEqualTo("int");
        assertThat(MariaDbTypes.normalize("tinyint(3) unsigned")).isEqualTo("tinyint unsigned");
        assertThat(MariaDbTypes.normalize("tinyint(1)")).isEqualTo("tinyint(1)");
        assertThat(MariaDbTypes.normalize("BIGINT(20)")).isEqualTo("bigint");
        assertThat(MariaDbTypes.normalize("varchar(50)")).isEqualTo("varchar(50)");
    }
}
