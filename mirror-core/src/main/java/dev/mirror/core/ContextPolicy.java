package dev.mirror.core;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.ContextId;
import dev.mirror.api.source.PushSource;
import dev.mirror.api.source.Source;
import dev.mirror.core.config.ConfigProblems;
import java.util.Optional;
import java.util.Set;

/**
 * Which contexts (tenants) may use a mirror's protocol sessions, and whether their targets are kept apart. Tenant
 * isolation is a guarantee of core, so every caller gets it: {@link CoreProtocolSessions} admits a context only
 * through {@link #admit}, and {@link dev.mirror.core.Mirror#serve} refuses to start a push source through
 * {@link #requireIsolation} when several tenants could write into the same tables.
 *
 * <p>The allowed contexts are the push source's {@code allowedContexts} when it declares them. Otherwise, when the
 * target does not route per context (no {@code {ctx}} in its URL), a configured top-level {@code context} is the one
 * tenant the target holds and the only one admitted: the single-tenant configurations written before
 * {@code allowedContexts} keep working, and are now safe. Otherwise every context is admitted.
 */
public final class ContextPolicy {
    static final String SOURCE_KEY = "source.allowedContexts";

    private final Optional<Set<ContextId>> allowed;
    private final String setting;
    private final boolean routesPerContext;
    private final ContextId configuredContext;

    private ContextPolicy(Optional<Set<ContextId>> allowed, String setting, boolean routesPerContext, ContextId configuredContext) {
        this.allowed = requireNonNull(allowed, "allowed is null").map(Set::copyOf);
        this.setting = requireNonNull(setting, "setting is null");
        this.routesPerContext = routesPerContext;
        this.configuredContext = configuredContext;
    }

    /** Every context admitted, each into its own target (for callers that wire sessions themselves, e.g. tests). */
    public static ContextPolicy unrestricted() {
        return new ContextPolicy(Optional.empty(), "", true, null);
    }

    /**
     * The policy of a configuration.
     *
     * @param configuredContext the top-level {@code context}, or null
     * @param declared          what the push source declares ({@link PushSource#allowedContexts}); empty for pull sources
     * @param routesPerContext  whether the target URL contains {@code {ctx}}
     */
    public static ContextPolicy of(ContextId configuredContext, Optional<Set<ContextId>> declared, boolean routesPerContext) {
        requireNonNull(declared, "declared is null");
        if (declared.isPresent()) {
            return new ContextPolicy(declared, SOURCE_KEY, routesPerContext, configuredContext);
        }
        if (configuredContext != null && !routesPerContext) {
            return new ContextPolicy(Optional.of(Set.of(configuredContext)), "context", false, configuredContext);
        }
        return new ContextPolicy(Optional.empty(), "", routesPerContext, configuredContext);
    }

    /** The contexts a push source declares, checked as configuration problems: identifiers valid, {@code context} among them. */
    public static void validate(ContextId configuredContext, Source source, ConfigProblems problems) {
        Optional<Set<ContextId>> declared = source instanceof PushSource push ? push.allowedContexts() : Optional.empty();
        if (declared == null || declared.isEmpty()) {
            return;
        }
        if (declared.get().isEmpty()) {
            problems.add(SOURCE_KEY, "lists no context; list the tenants that may push (e.g. [Cust12345]) or remove the key");
            return;
        }
        if (configuredContext != null && !declared.get().contains(configuredContext)) {
            problems.add("context", "'" + configuredContext + "' is not in " + SOURCE_KEY + " " + sorted(declared.get())
                    + "; add it there, or set context to one of them (context names the tenant that status, resync and "
                    + "verify look at)");
        }
    }

    /** The contexts admitted, or empty when every context is. */
    public Optional<Set<ContextId>> allowed() {
        return allowed;
    }

    /** Whether the target URL routes each context to its own database or schema ({@code {ctx}}). */
    public boolean routesPerContext() {
        return routesPerContext;
    }

    /** Whether no two admitted contexts can write into the same target. */
    public boolean isolated() {
        return routesPerContext || allowed.map(a -> a.size() <= 1).orElse(false);
    }

    /**
     * Refuses a context that may not use this mirror, before anything is resolved or written. When the policy is not
     * isolated (see {@link #requireIsolation}), only the configured context is admitted, so that even a caller that
     * serves without {@link dev.mirror.core.Mirror#serve} never gets two tenants into one target, while status, resync
     * and verify of the configured context keep working.
     *
     * @throws MirrorException CONFIGURATION {@code CONTEXT_NOT_ALLOWED}, or {@code TENANTS_NOT_ISOLATED}
     */
    public void admit(ContextId contextId) {
        if (!contextId.equals(configuredContext)) {
            requireIsolation();
        }
        if (allowed.isEmpty() || allowed.get().contains(contextId)) {
            return;
        }
        // The answer goes back to the refused tenant (SuperOffice shows it to that tenant): name the tenant and the
        // setting, never the other tenants allowed.
        String message = setting.equals("context")
                ? "context '" + contextId + "' may not push to this mirror: the target URL has no {ctx}, so it holds only "
                        + "the tenant named by context; nothing was written. To mirror several tenants, put {ctx} in "
                        + "target.url and list them in " + SOURCE_KEY
                : "context '" + contextId + "' may not push to this mirror: it is not in " + setting
                        + "; nothing was written. Add it to " + setting + " to mirror it";
        throw MirrorException.configuration("CONTEXT_NOT_ALLOWED", message);
    }

    /**
     * Refuses to let several tenants write into one target: without {@code {ctx}} in the target URL, every tenant's
     * {@code contact} table would be the same table.
     *
     * @throws MirrorException CONFIGURATION {@code TENANTS_NOT_ISOLATED}, saying what to change
     */
    public void requireIsolation() {
        if (isolated()) {
            return;
        }
        String who = allowed.map(a -> SOURCE_KEY + " lists " + a.size() + " tenants " + sorted(a))
                .orElse("any tenant may push (neither " + SOURCE_KEY + " nor context is set)");
        throw MirrorException.configuration("TENANTS_NOT_ISOLATED", who + ", but the target URL has no {ctx}: every "
                + "tenant would write into the same tables and overwrite the others' rows. Put {ctx} in target.url so that "
                + "each tenant gets its own database or schema (e.g. jdbc:postgresql://host/db?currentSchema=mirroring_{ctx} "
                + "or jdbc:sqlserver://host;databaseName=Mirroring_{ctx}), or let one tenant push: " + SOURCE_KEY
                + ": [Cust12345]");
    }

    /** What is admitted, for people: {@code "only Cust1, Cust2 (source.allowedContexts)"} or {@code "every context"}. */
    public String describe() {
        return allowed.map(a -> "only " + String.join(", ", sorted(a)) + " (" + setting + ")").orElse("every context")
                + (routesPerContext ? ", each into its own target ({ctx})" : ", into the one target");
    }

    private static java.util.List<String> sorted(Set<ContextId> contexts) {
        return contexts.stream().map(ContextId::value).sorted().toList();
    }
}
