package pm.baseline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import pm.io.InputException;
import pm.lint.Finding;
import pm.lint.LintRun;
import pm.lint.Linter;

/**
 * Stands between a lint run and its report: each file's findings go through the {@link Baseline} (after being
 * recorded in it, with --suppress-all or --suppress-rule), and only those beyond it are reported.
 */
public final class SuppressingListener implements LintRun.Listener {
    private final LintRun.Listener next;
    private final Baseline baseline;
    private final Function<String, String> key;
    private final Predicate<String> recording;
    private final List<Finding> suppressed = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    /**
     * @param key       a file's key in the baseline (its path from the repository's top) from its shown name
     * @param recording the rules whose findings are recorded before they are applied, or {@code null}
     */
    public SuppressingListener(LintRun.Listener next, Baseline baseline, Function<String, String> key,
            Predicate<String> recording) {
        this.next = next;
        this.baseline = baseline;
        this.key = key;
        this.recording = recording;
    }

    @Override
    public void file(String name, List<Finding> findings) {
        file(name, findings, false);
    }

    @Override
    public void file(String name, List<Finding> findings, boolean draft) {
        String k = key.apply(name);
        seen.add(k);
        if (recording != null) {
            baseline.record(k, findings, recording);
        }
        Baseline.Split split = baseline.apply(k, findings);
        suppressed.addAll(split.suppressed());
        next.file(name, split.reported(), draft);
    }

    /** The findings the baseline kept out of the report, in the order they came. */
    public List<Finding> suppressed() {
        return suppressed;
    }

    /** The keys of the files linted. */
    public Set<String> seen() {
        return seen;
    }

    @Override
    public void unreadable(InputException e) {
        next.unreadable(e);
    }

    @Override
    public void fixed(String name, String message) {
        next.fixed(name, message);
    }

    @Override
    public void unwritten(InputException e) {
        next.unwritten(e);
    }

    @Override
    public void failed(Linter.RuleFailure failure) {
        next.failed(failure);
    }
}
