package dev.mirror.api.hook;

/** What every event carries: the context identifier and a handle on its target. */
public interface HookContext {
    /** The context identifier. */
    dev.mirror.api.ContextId contextId();

    /** The target of this context. */
    TargetSession target();
}
