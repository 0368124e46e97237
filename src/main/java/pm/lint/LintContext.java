package pm.lint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import pm.model.Postmortem;
import pm.model.Span;

/**
 * What the engine gives each rule for one file, as Error Prone's {@code VisitorState} does: where to report,
 * and a cache of what rules work out from the file and share (markdownlint's per-file cache). One context per
 * file and thread; nothing in it outlives the file.
 */
public final class LintContext implements FindingSink {
    private final Postmortem pm;
    private final String file;
    private final List<Finding> found;
    private final Map<Object, Object> shared = new HashMap<>(4);
    private String rule;
    private Severity severity;

    /**
     * A context for one file, as {@link Linter} makes for each; a tool that runs one rule alone (a benchmark)
     * makes its own.
     *
     * @param file  the file as findings name it
     * @param found where the findings go
     */
    public LintContext(Postmortem pm, String file, List<Finding> found) {
        this.pm = pm;
        this.file = file;
        this.found = found;
    }

    /** The rule that reports from now on, and at which severity. */
    void switchTo(String rule, Severity severity) {
        this.rule = rule;
        this.severity = severity;
    }

    @Override
    public void report(Span span, String message, String suggestion) {
        found.add(new Finding(file, span, rule, severity, message, suggestion));
    }

    @Override
    public void reportFirm(Span span, String message) {
        found.add(new Finding(file, span, rule, severity, message, null, null, true));
    }

    @Override
    public void reportLowered(Span span, String message, String suggestion) {
        found.add(new Finding(file, span, rule, severity.lower(), message, suggestion));
    }

    /**
     * What {@code compute} gives for this file, worked out once whichever rule asks first. The key names the
     * value (a constant of the rule or helper that owns it).
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Function<Postmortem, T> compute) {
        Object v = shared.get(key);
        if (v == null) {
            v = compute.apply(pm);
            shared.put(key, v);
        }
        return (T) v;
    }
}
