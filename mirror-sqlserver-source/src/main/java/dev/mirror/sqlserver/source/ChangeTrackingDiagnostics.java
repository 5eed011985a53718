package dev.mirror.sqlserver.source;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.admin.AdminCommand;
import dev.mirror.api.admin.Detail;
import dev.mirror.api.admin.Diagnostics;
import dev.mirror.api.admin.StatusDetails;
import dev.mirror.api.admin.StatusRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Change Tracking source's status details and admin commands: each table's retention headroom (read on demand:
 * {@code CHANGE_TRACKING_MIN_VALID_VERSION} of every tracked table against the LSN the mirror stored) and the
 * {@code enable-change-tracking} command. Each call opens its own connection, so it is safe next to a running cycle.
 */
final class ChangeTrackingDiagnostics implements Diagnostics {
    static final String HEADROOM_KEY = "retentionHeadroom";
    static final String HEADROOM_DESCRIPTION = "stored LSN minus CHANGE_TRACKING_MIN_VALID_VERSION: below zero the table"
            + " must be repopulated; when small, raise CHANGE_RETENTION or run cycles more often";

    private final ChangeTrackingSnapshotReader.Connector connector;
    private final String schema;
    private final int retentionDays;

    ChangeTrackingDiagnostics(ChangeTrackingSnapshotReader.Connector connector, String schema, int retentionDays) {
        this.connector = requireNonNull(connector, "connector is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.retentionDays = retentionDays;
    }

    @Override
    public StatusDetails status(StatusRequest request) {
        Map<String, Long> minValid;
        try (Connection c = connector.connect()) {
            minValid = minValidVersions(c, schema);
        } catch (SQLException e) {
            throw ChangeTrackingSource.sourceFailure(e);
        }
        return details(headroom(request.storedLsns(), minValid));
    }

    /** CHANGE_TRACKING_MIN_VALID_VERSION per tracked table of the schema (also used by each cycle's log line). */
    static Map<String, Long> minValidVersions(Connection c, String schema) throws SQLException {
        Map<String, Long> minValid = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ChangeTrackingSql.MIN_VALID_VERSIONS)) {
            ps.setNString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    minValid.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return minValid;
    }

    /**
     * Per tracked table the mirror has a position for (stored LSN at least 0; -1 waits for repopulation anyway), its
     * headroom. Names are matched ignoring case: the metadata table may hold them as the target folds them.
     */
    static List<RetentionHeadroom> headroom(Map<String, Long> storedLsns, Map<String, Long> minValidVersions) {
        Map<String, Long> stored = new HashMap<>();
        storedLsns.forEach((t, lsn) -> stored.put(t.toLowerCase(Locale.ROOT), lsn));
        List<RetentionHeadroom> r = new ArrayList<>();
        minValidVersions.forEach((table, min) -> {
            Long lsn = stored.get(table.toLowerCase(Locale.ROOT));
            if (lsn != null && lsn >= 0) {
                r.add(RetentionHeadroom.of(table, lsn, min));
            }
        });
        return r;
    }

    static StatusDetails details(List<RetentionHeadroom> headroom) {
        Map<String, List<Detail>> tables = new HashMap<>();
        for (RetentionHeadroom h : headroom) {
            tables.put(h.table(), List.of(Detail.number(HEADROOM_KEY, "headroom", h.headroom(), "versions", HEADROOM_DESCRIPTION)));
        }
        return new StatusDetails(tables, List.of());
    }

    @Override
    public List<AdminCommand> commands() {
        return List.of(new EnableChangeTrackingCommand(connector, new ChangeTrackingEnabler(schema, retentionDays)));
    }
}
