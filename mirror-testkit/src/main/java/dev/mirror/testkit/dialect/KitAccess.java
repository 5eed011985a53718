package dev.mirror.testkit.dialect;

/**
 * Gives the conformance test interfaces the {@link Kit} of the running test. Implemented by
 * {@link AbstractTargetDialectTest}; a dialect's test extends that class rather than implementing this.
 */
public interface KitAccess {
    /** The kit of the test that is running: opened before each test, closed (tables dropped) after it. */
    Kit kit();
}
