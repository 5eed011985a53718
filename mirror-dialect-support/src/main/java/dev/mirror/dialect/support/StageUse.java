package dev.mirror.dialect.support;

/** What a stage is for: a dialect may keep the two apart (names, lifetimes). */
public enum StageUse {
    /** The dialect's own apply ({@link StagedApply#applyChanges}): delete then upsert, or merge. */
    APPLY,
    /** Core's statements over the stage ({@link StagedApply#withStagedChanges}: soft delete and history modes). */
    CORE
}
