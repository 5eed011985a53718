package dev.mirror.core.internal.schema;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import java.util.List;

/**
 * What reconciliation will do to one mirror table, and why.
 *
 * @param kind   create, alter in place, recreate, or nothing
 * @param reason why, in words (logged and passed to hooks)
 * @param steps  for {@link Kind#ALTER}: the in-place steps in order; empty otherwise
 */
public record ReconcilePlan(Kind kind, String reason, List<Step> steps) {
    public ReconcilePlan {
        requireNonNull(kind, "kind is null");
        requireNonNull(reason, "reason is null");
        steps = List.copyOf(steps);
    }

    /** The kinds of plan. */
    public enum Kind { NONE, CREATE, ALTER, RECREATE }

    /** One in-place change. */
    public sealed interface Step permits Add, Drop, Widen {
    }

    /** Add a column (nullable, or with its default). */
    public record Add(Column column) implements Step {
    }

    /** Drop a column by its target name. */
    public record Drop(String targetColumn) implements Step {
    }

    /** Widen a column or make it nullable. */
    public record Widen(Column from, Column to) implements Step {
    }

    static ReconcilePlan create(String reason) {
        return new ReconcilePlan(Kind.CREATE, reason, List.of());
    }

    static ReconcilePlan recreate(String reason) {
        return new ReconcilePlan(Kind.RECREATE, reason, List.of());
    }
}
