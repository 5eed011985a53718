package dev.mirror.api.dialect;

import dev.mirror.api.MirrorException;
import java.sql.SQLException;

/**
 * Classifies a target's driver failures. Obtained through {@link TargetDialect#errors()}; called by core on whichever
 * thread caught the failure.
 */
public interface ErrorTranslator {
    /**
     * Turns a driver failure into a {@link MirrorException} with category TARGET, marking deadlocks, lock timeouts and
     * lost connections retryable. The message says what was being done and never carries credentials.
     *
     * @param e    never null
     * @param what what was being done ({@code applying changes to 'person'}), for the message
     */
    MirrorException translate(SQLException e, String what);
}
