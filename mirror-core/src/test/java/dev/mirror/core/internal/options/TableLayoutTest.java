package dev.mirror.core.internal.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.core.config.TableMode;
import dev.mirror.core.config.TableOptions;
import dev.mirror.core.internal.schema.SchemaHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableLayoutTest {
    private static final String SALT = "a-salt-of-16-chars-or-more";
    private final TableSchema person = new TableSchema("person", List.of(
            Column.of("person_id", SqlType.of(SqlServerType.INT), false),
            Column.of("email", SqlType.ofLength(SqlServerType.NVARCHAR, 200), true),
            Column.of("notes", SqlType.ofLength(SqlServerType.NVARCHAR, SqlType.MAX), true),
            Column.of("age", SqlType.of(SqlServerType.INT), true)), List.of("person_id"));

    private TableLayout layout(TableMode mode, Set<String> exclude, Set<String> hash) {
        return TableLayout.of(person, new TableOptions(mode, exclude, hash), SALT);
    }

    @Test
    void mirrorModeWithoutColumnOptionsIsThePlainSourceTable() {
        TableLayout l = TableLayout.plain(person);
        assertThat(l.isPlain()).isTrue();
        assertThat(l.mirror()).isEqualTo(person);
        assertThat(l.fingerprint()).isEqualTo(TableLayout.PLAIN_FINGERPRINT);
    }

    @Test
    void excludedColumnsAreLeftOutAndHashedOnesStoredAsSaltedSha256() throws Exception {
        TableLayout l = layout(TableMode.MIRROR, Set.of("notes"), Set.of("EMAIL"));
        assertThat(l.isPlain()).isFalse();
        assertThat(l.mirror().columnNames()).containsExactly("person_id", "email", "age");
        assertThat(l.mirror().column("email").orElseThrow().type()).isEqualTo(SqlType.ofLength(SqlServerType.NVARCHAR, 64));
        Object[] v = l.dataValues(Row.of(7, "ann@example.com", "private", null));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((SALT + "ann@example.com").getBytes(StandardCharsets.UTF_8)));
        assertThat(v).containsExactly(7, expected, null);
        assertThat(l.sourceHash()).as("the hash stays the source's").isEqualTo(SchemaHash.of(person));
        assertThat(l.fingerprint()).startsWith("mode=mirror;exclude=notes;hash=email;salt=").doesNotContain(SALT);
    }

    @Test
    void softDeleteAppendsTheFlagAndTheSyncTime() {
        TableLayout l = layout(TableMode.SOFT_DELETE, Set.of(), Set.of());
        assertThat(l.mirror().columnNames()).endsWith("_mirror_deleted", "_mirror_synced");
        assertThat(l.mirror().primaryKey()).containsExactly("person_id");
        LocalDateTime t = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
        assertThat(l.loadRow(Row.of(1, "a", "b", 3), t, true).toArray()).containsExactly(1, "a", "b", 3, false, t);
    }

    @Test
    void historyExtendsTheKeyByValidFromAndHashesRowsIgnoringNullColumns() {
        TableLayout l = layout(TableMode.HISTORY, Set.of(), Set.of());
        assertThat(l.mirror().primaryKey()).containsExactly("person_id", "_mirror_valid_from");
        assertThat(l.mirror().columnNames()).endsWith("_mirror_row_hash", "_mirror_valid_from", "_mirror_valid_to", "_mirror_active");
        RowChange a = l.historyStageChange(RowChange.update(1, "a", null, 3));
        RowChange b = l.historyStageChange(RowChange.update(1, "a", null, 4));
        assertThat(a.row().get(4)).isNotEqualTo(b.row().get(4));
        assertThat(l.historyStageChange(RowChange.delete(1, null, null, null)).row().get(4)).isNull();
        LocalDateTime t = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
        Object[] pending = l.loadRow(Row.of(1, "a", null, 3), t, true).toArray();
        assertThat(pending[4]).isEqualTo(a.row().get(4));
        assertThat(java.util.Arrays.asList(pending).subList(5, 8)).containsExactly(t, null, false);
        assertThat(l.loadRow(Row.of(1, "a", null, 3), t, false).toArray()[7]).isEqualTo(true);
    }

    @Test
    void optionsThatCannotApplyFailTheTable() {
        assertThatThrownBy(() -> layout(TableMode.MIRROR, Set.of("person_id"), Set.of()))
                .isInstanceOf(MirrorException.class).hasMessageContaining("key column 'person_id' cannot be excluded");
        TableSchema clash = new TableSchema("t", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("_mirror_active", SqlType.of(SqlServerType.BIT), true)), List.of("id"));
        assertThatThrownBy(() -> TableLayout.of(clash, new TableOptions(TableMode.HISTORY, Set.of(), Set.of()), null))
                .hasMessageContaining("reserves");
        assertThatThrownBy(() -> TableLayout.of(person, new TableOptions(TableMode.MIRROR, Set.of(), Set.of("email")), null))
                .hasMessageContaining("hashSalt");
    }

    @Test
    void theVersionClockNeverRepeatsATime() {
        java.time.Clock frozen = java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T06:00:00Z"), java.time.ZoneOffset.UTC);
        VersionClock c = new VersionClock(frozen);
        LocalDateTime a = c.next();
        LocalDateTime b = c.next();
        assertThat(a).isEqualTo(LocalDateTime.of(2026, 12, 2, 6, 0));
        assertThat(b).isEqualTo(a.plusNanos(1000));
    }
}
