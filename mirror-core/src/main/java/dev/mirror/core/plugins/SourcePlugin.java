package dev.mirror.core.plugins;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.PluginContext;
import dev.mirror.api.source.PullSourceProvider;
import dev.mirror.api.source.PushSourceProvider;
import dev.mirror.api.source.Source;

/**
 * A source plugin chosen by name ({@code source.type}): a pull or a push source provider. Names are unique across both
 * kinds, so one name selects one of them ({@link PluginRegistry#source}).
 */
public final class SourcePlugin {
    private final PullSourceProvider pull;
    private final PushSourceProvider push;

    private SourcePlugin(PullSourceProvider pull, PushSourceProvider push) {
        this.pull = pull;
        this.push = push;
    }

    static SourcePlugin pull(PullSourceProvider provider) {
        return new SourcePlugin(requireNonNull(provider, "provider is null"), null);
    }

    static SourcePlugin push(PushSourceProvider provider) {
        return new SourcePlugin(null, requireNonNull(provider, "provider is null"));
    }

    /** Whether this is a push source ({@code mirror serve}) rather than a pull source ({@code mirror run}). */
    public boolean isPush() {
        return push != null;
    }

    /** The provider itself ({@link PullSourceProvider} or {@link PushSourceProvider}). */
    public Object provider() {
        return isPush() ? push : pull;
    }

    public String name() {
        return isPush() ? push.name() : pull.name();
    }

    /**
     * Creates the source through its provider.
     *
     * @throws dev.mirror.api.MirrorException CONFIGURATION {@code PLUGIN_BROKEN} when the provider returns null
     */
    public Source create(PluginContext context) {
        Source s = isPush() ? push.create(context) : pull.create(context);
        if (s == null) {
            throw dev.mirror.api.MirrorException.configuration("PLUGIN_BROKEN", "the source plugin '" + name() + "' ("
                    + provider().getClass().getName() + ") created no source (create returned null); report it to its authors");
        }
        return s;
    }
}
