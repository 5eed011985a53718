package dev.mirror.sqlserver.source;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.admin.AdminCommand;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code mirror admin enable-change-tracking} (alias {@code mirror enable-change-tracking}): prints, then runs, the
 * statements of {@link ChangeTrackingEnabler} on the source, with the source's own connection settings. Only what is
 * missing is enabled, so a second run does nothing; a dry run only prints.
 */
final class EnableChangeTrackingCommand implements AdminCommand {
    static final String NAME = "enable-change-tracking";
    static final String NOTHING_TO_DO = "change tracking is already enabled: nothing to do";
    /**
     * SQL Server errors meaning the login lacks a right: 229/230 permission denied on an object or column, 262 denied
     * in the database, 300 a permission was denied, 1088 object not found or no permission, 5011 no ALTER on the
     * database, 15247 no permission for the action.
     */
    private static final Set<Integer> DENIED = Set.of(229, 230, 262, 300, 1088, 5011, 15247);

    private final ChangeTrackingSnapshotReader.Connector connector;
    private final ChangeTrackingEnabler enabler;

    EnableChangeTrackingCommand(ChangeTrackingSnapshotReader.Connector connector, ChangeTrackingEnabler enabler) {
        this.connector = requireNonNull(connector, "connector is null");
        this.enabler = requireNonNull(enabler, "enabler is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "enable snapshot isolation and Change Tracking on the source database and on every table with a primary"
                + " key that lacks it (only what is missing)";
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public String run(boolean dryRun, Consumer<String> output) {
        requireNonNull(output, "output is null");
        try (Connection c = connector.connect()) {
            if (dryRun) {
                List<String> plan = enabler.plan(c);
                plan.forEach(sql -> output.accept(sql + ";"));
                return summary(plan.size(), true);
            }
            return summary(enabler.run(c, sql -> output.accept(sql + ";")).size(), false);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The one line the command ends with. */
    static String summary(int statements, boolean dryRun) {
        if (statements == 0) {
            return NOTHING_TO_DO;
        }
        return dryRun ? "(dry run: " + statements + " statements not executed)" : "done: " + statements + " statements";
    }

    /** A missing right is a configuration problem the user can fix; anything else is the source failing. */
    static MirrorException failure(SQLException e) {
        if (DENIED.contains(e.getErrorCode())) {
            return MirrorException.configuration("CHANGE_TRACKING_DENIED", "the source login may not enable change tracking ("
                    + e.getMessage() + ", SQL Server error " + e.getErrorCode() + "): it needs ALTER on the database and "
                    + "its tables; grant it, or have a DBA run the statements that 'mirror admin " + NAME + " --dry-run' prints");
        }
        return ChangeTrackingSource.sourceFailure(e);
    }
}
