package dev.mirror.sample;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.SnapshotReader;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample pull source: walks {@link SampleDataSet}'s script one step per cycle (when {@code advance}),
 * sending full snapshots where the mirror asks for them and net changes otherwise.
 *
 * <p>Where it is in the script: within one process it remembers the step of its last cycle. A fresh
 * process does not know which step the mirror has seen until the schema step answers, yet the schema it
 * announces must be chosen before that; it announces the schema of {@link #startStep()} and, once the
 * answers tell the mirror's step (the largest answered LSN), continues from there as far as the announced
 * schema allows (see the README). Whatever happens, every table it sends is correct for the step it
 * announced: a table whose answered LSN is from a step with another schema, or from a later step, is sent
 * in full.
 *
 * <p>Core's runner calls {@link #runCycle} from one thread; within a cycle the tables are sent through
 * {@link MirrorProtocol#forEachTable}, so several at once (reading the data set, which is safe for that).
 */
public final class SampleChangeSource implements PullSource {
    private static final Logger LOG = LoggerFactory.getLogger(SampleChangeSource.class);

    private final SampleDataSet data;
    private final int maxStep;
    private final boolean advance;
    private Integer step;
    private volatile boolean closed;

    /**
     * @param data    the data set
     * @param maxStep how far the script goes (1..{@link SampleDataSet#LAST_STEP}); cycles at this step are quiet
     * @param advance whether each cycle moves one step forward
     * @param step    the step to start at, or null to derive it from the mirror's answers (advance) or to sit
     *                at {@code maxStep} (no advance)
     */
    public SampleChangeSource(SampleDataSet data, int maxStep, boolean advance, Integer step) {
        this.data = requireNonNull(data, "data is null");
        if (maxStep < 1 || maxStep > SampleDataSet.LAST_STEP) {
            throw new IllegalArgumentException("maxStep must be 1.." + SampleDataSet.LAST_STEP + ", got " + maxStep);
        }
        this.maxStep = maxStep;
        this.advance = advance;
        this.step = step == null && !advance ? Integer.valueOf(maxStep) : step;
        if (this.step != null && (this.step < 1 || this.step > maxStep)) {
            throw new IllegalArgumentException("step must be 1.." + maxStep + ", got " + step);
        }
    }

    /** The step of the last cycle (or the configured starting step), empty before a fresh source's first cycle. */
    public Optional<Integer> step() {
        return Optional.ofNullable(step);
    }

    /** Moves the source to {@code newStep} (tests: the next scripted step). */
    public void moveTo(int newStep) {
        if (newStep < 1 || newStep > maxStep) {
            throw new IllegalArgumentException("step must be 1.." + maxStep + ", got " + newStep);
        }
        step = newStep;
    }

    public SampleDataSet data() {
        return data;
    }

    /** The step the next cycle announces. */
    int startStep() {
        if (step == null) {
            return 1;
        }
        return advance ? Math.min(step + 1, maxStep) : step;
    }

    @Override
    public void runCycle(MirrorProtocol protocol) {
        requireNonNull(protocol, "protocol is null");
        if (closed) {
            throw MirrorException.configuration("SOURCE_CLOSED", "the sample source was closed; create a new one");
        }
        if (step == null) {
            resumeFromStoredLsns(protocol.storedLsns());
        }
        boolean fresh = step == null;
        int announced = startStep();
        List<TableAnswer> answers = protocol.schema(data.tables(announced));
        int now = fresh ? resolve(announced, answers) : announced;
        LOG.info("sample source: cycle at step {} of {} (LSN {}), scale {}, {} tables", now, maxStep,
                SampleDataSet.lsn(now), data.scale(), answers.size());
        // Core runs the tables on up to run.workers threads; send() only reads the immutable data set.
        protocol.forEachTable(answers.stream().filter(TableAnswer::accepted).toList(), a -> send(protocol, a, now));
        step = now;
    }

    /**
     * A fresh process resumes where the mirror stands: the largest stored LSN names the last step the mirror saw, so
     * the next cycle (with advance) announces the following step's schema, and repeated 'mirror run --once' processes
     * walk the whole script.
     */
    private void resumeFromStoredLsns(java.util.Map<String, Long> stored) {
        int seen = 0;
        for (long lsn : stored.values()) {
            seen = Math.max(seen, SampleDataSet.stepOf(lsn));
        }
        if (seen >= 1) {
            step = Math.min(seen, maxStep);
            LOG.info("sample source: the mirror has seen step {}; resuming from there", seen);
        }
    }

    /**
     * A fresh source's step: one past the largest step the mirror has seen (or that step without advance),
     * limited to the steps whose schemas equal the announced one, since that announcement is already made.
     */
    private int resolve(int announced, List<TableAnswer> answers) {
        int seen = 0;
        for (TableAnswer a : answers) {
            seen = Math.max(seen, SampleDataSet.stepOf(a.lsn()));
        }
        int wanted = Math.max(1, Math.min(maxStep, advance ? seen + 1 : seen));
        int best = -1;
        int smallest = -1;
        for (int s = 1; s <= maxStep; s++) {
            if (data.sameSchemas(s, announced)) {
                smallest = smallest < 0 ? s : smallest;
                best = s <= wanted ? s : best;
            }
        }
        best = best < 0 ? smallest : best;
        if (best != wanted) {
            LOG.warn("sample source: the mirror has seen step {}, so this cycle should be step {}, but a fresh source "
                    + "announces the schema of step {} before it learns that; running step {} instead. Run cycles in "
                    + "one process ('mirror run') or pin the step with 'advance: false' and 'steps: N' to walk the "
                    + "script's schema changes across restarts", seen, wanted, announced, best);
        }
        return best;
    }

    private void send(MirrorProtocol protocol, TableAnswer answer, int now) {
        TableSchema schema = data.table(answer.table(), now).orElseThrow(() -> MirrorException.source(
                "SOURCE_UNKNOWN_TABLE", false, "the mirror answered for table '" + answer.table()
                        + "' which the sample did not announce at step " + now, null));
        long lsn = SampleDataSet.lsn(now);
        int from = SampleDataSet.stepOf(answer.lsn());
        ApplyResult result;
        if (answer.needsRepopulation() || from < 1 || from > now || answer.action() != SchemaAction.NONE
                || !data.table(schema.name(), from).equals(Optional.of(schema))) {
            result = protocol.repopulate(schema.name(), data.snapshot(schema.name(), now), lsn);
        } else if (answer.lsn() == lsn) {
            return; // the mirror is already at this step: nothing to send
        } else if (!data.changesBetween(schema.name(), from, now)) {
            result = protocol.apply(ChangeBatch.last(schema.name(), ChangeCursor.of(List.of()), lsn));
        } else {
            result = protocol.apply(ChangeBatch.last(schema.name(), data.changes(schema.name(), from, now), lsn));
        }
        if (!result.succeeded()) {
            LOG.warn("sample source: table {} failed at step {}: {} (retried next cycle)", schema.name(), now, result.error());
        }
    }

    @Override
    public Optional<SnapshotReader> snapshotReader() {
        return Optional.of(new SnapshotReader() {
            @Override
            public List<TableSchema> tables() {
                return data.tables(truthStep());
            }

            @Override
            public ChangeCursor rows(TableSchema table) {
                return data.snapshot(table.name(), truthStep());
            }
        });
    }

    /** The step whose data is the source's current truth: the last cycle's, or the one the next cycle starts at. */
    private int truthStep() {
        return step == null ? startStep() : step;
    }

    @Override
    public void close() {
        closed = true;
    }
}
