package dev.mirror.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.core.FakeDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reconciliation decisions as a table of cases: previous source schema, new source schema, what the target has. */
class ReconcilePlannerTest {
    private static final FakeDialect DIALECT = new FakeDialect();

    static TableSchema table(String... columns) {
        List<Column> cols = new ArrayList<>();
        for (String c : columns) {
            String[] p = c.split(" ");
            cols.add(new Column(p[0], SqlType.parse(p[1]), p.length < 3 || !p[2].equals("notnull"), null));
        }
        return new TableSchema("t", cols, List.of("id"));
    }

    static Optional<List<TargetColumn>> target(TableSchema s) {
        return Optional.of(s.columns().stream().map(c -> new TargetColumn(c.name(), DIALECT.types().columnType(c.type()), c.nullable())).toList());
    }

    static Stream<Arguments> cases() {
        TableSchema base = table("id int notnull", "name nvarchar(50)", "n int", "d datetime");
        return Stream.of(
                Arguments.of("new table", null, table("id int notnull"), Optional.empty(), ReconcilePlan.Kind.CREATE, ""),
                Arguments.of("dropped by hand", base, base, Optional.empty(), ReconcilePlan.Kind.CREATE, ""),
                Arguments.of("metadata row deleted", null, base, target(base), ReconcilePlan.Kind.RECREATE, "no recorded schema"),
                Arguments.of("column added", base, table("id int notnull", "name nvarchar(50)", "n int", "d datetime", "x nvarchar(9)"),
                        target(base), ReconcilePlan.Kind.ALTER, "add x"),
                Arguments.of("column removed", base, table("id int notnull", "name nvarchar(50)", "d datetime"), target(base),
                        ReconcilePlan.Kind.ALTER, "drop n"),
                Arguments.of("nvarchar widened", base, table("id int notnull", "name nvarchar(100)", "n int", "d datetime"),
                        target(base), ReconcilePlan.Kind.ALTER, "widen name nvarchar(50) -> nvarchar(100)"),
                Arguments.of("int to bigint", base, table("id int notnull", "name nvarchar(50)", "n bigint", "d datetime"),
                        target(base), ReconcilePlan.Kind.ALTER, "widen n int -> bigint"),
                Arguments.of("made nullable", table("id int notnull", "n int notnull"), table("id int notnull", "n int"),
                        target(table("id int notnull", "n int notnull")), ReconcilePlan.Kind.ALTER, "widen n int NOT NULL -> int"),
                Arguments.of("seed case: nvarchar to datetime", base, table("id int notnull", "name datetime", "n int", "d datetime"),
                        target(base), ReconcilePlan.Kind.RECREATE, "not a widening"),
                Arguments.of("narrowed", base, table("id int notnull", "name nvarchar(20)", "n int", "d datetime"), target(base),
                        ReconcilePlan.Kind.RECREATE, "not a widening"),
                Arguments.of("bigint to int", table("id int notnull", "n bigint"), table("id int notnull", "n int"),
                        target(table("id int notnull", "n bigint")), ReconcilePlan.Kind.RECREATE, "not a widening"),
                Arguments.of("nullable to not null", base, table("id int notnull", "name nvarchar(50) notnull", "n int", "d datetime"),
                        target(base), ReconcilePlan.Kind.RECREATE, "NULL to NOT NULL"),
                Arguments.of("key changed", base, new TableSchema("t", base.columns(), List.of("id", "n")), target(base),
                        ReconcilePlan.Kind.RECREATE, "primary key changed"),
                Arguments.of("key type changed", base, table("id bigint notnull", "name nvarchar(50)", "n int", "d datetime"),
                        target(base), ReconcilePlan.Kind.RECREATE, "key column id"),
                Arguments.of("invisible in target (nvarchar to varchar here)", base,
                        table("id int notnull", "name varchar(50)", "n int", "d datetime"), target(base), ReconcilePlan.Kind.NONE, ""),
                Arguments.of("crash after DDL: target already altered", base,
                        table("id int notnull", "name nvarchar(100)", "n int", "d datetime"),
                        target(table("id int notnull", "name nvarchar(100)", "n int", "d datetime")), ReconcilePlan.Kind.NONE, ""),
                Arguments.of("unknown column in target", table("id int notnull"), table("id int notnull", "z int"),
                        target(table("id int notnull", "z bigint")), ReconcilePlan.Kind.RECREATE, "not in the recorded schema"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, TableSchema previous, TableSchema next, Optional<List<TargetColumn>> actual,
                 ReconcilePlan.Kind expected, String reasonContains) {
        ReconcilePlan plan = new ReconcilePlanner(DIALECT).plan(next, previous, actual);
        assertThat(plan.kind()).as(plan.reason()).isEqualTo(expected);
        assertThat(plan.reason()).contains(reasonContains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aDialectThatCannotAlterColumnsRecreatesInsteadOfWidening(String name, TableSchema previous, TableSchema next,
                                                                  Optional<List<TargetColumn>> actual, ReconcilePlan.Kind expected,
                                                                  String reasonContains) {
        ReconcilePlan plan = new ReconcilePlanner(new FakeDialect(Set.of())).plan(next, previous, actual);
        boolean widens = plan.steps().stream().anyMatch(s -> s instanceof ReconcilePlan.Widen);
        assertThat(widens).isFalse();
        if (expected == ReconcilePlan.Kind.ALTER && name.matches(".*(widened|bigint|nullable).*")) {
            assertThat(plan.kind()).isEqualTo(ReconcilePlan.Kind.RECREATE);
            assertThat(plan.reason()).contains("cannot alter columns in place");
        }
    }
}
