package dev.mirror.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.SqlType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WideningTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "nvarchar(50)|nvarchar(100)|true", "nvarchar(50)|nvarchar(max)|true", "nvarchar(max)|nvarchar(4000)|false",
            "nvarchar(50)|nvarchar(20)|false", "varchar(50)|nvarchar(50)|true", "nvarchar(50)|varchar(50)|false",
            "char(5)|varchar(5)|false", "nchar(5)|nchar(10)|true", "tinyint|smallint|true", "smallint|int|true",
            "int|bigint|true", "bigint|int|false", "int|decimal(18,0)|false", "real|float|true", "float|real|false",
            "decimal(10,2)|decimal(18,2)|true", "decimal(10,2)|decimal(10,4)|false", "decimal(10,2)|decimal(12,4)|true",
            "money|decimal(19,4)|true", "smallmoney|money|true", "money|smallmoney|false", "smalldatetime|datetime|true",
            "datetime|datetime2(3)|true", "datetime|datetime2(0)|false", "datetime2(3)|datetime2(7)|true",
            "datetime2(7)|datetime|false", "nvarchar(20)|datetime|false", "date|datetime|false", "time(3)|time(7)|true",
            "varbinary(10)|varbinary(max)|true", "binary(10)|varbinary(10)|false", "bit|int|false",
            "uniqueidentifier|nvarchar(36)|false", "ntext|nvarchar(max)|true", "text|varchar(max)|true"})
    void decides(String from, String to, boolean widening) {
        assertThat(Widening.isWidening(SqlType.parse(from), SqlType.parse(to))).isEqualTo(widening);
    }
}
