package pm.lint;

import java.util.List;

/**
 * What a rule is, in the style of Error Prone's {@code @BugPattern}, as a plain value each rule holds: its
 * stable id, a one-line summary, the default severity, tags, and a bad and a good example. {@code .pm.yml}
 * validation, the SARIF rules table and the README's rule table all read it.
 *
 * @param id   the id users write in {@code .pm.yml} and {@code pm-disable} comments; never change it
 * @param bad  a line a postmortem might contain that the rule flags
 * @param good the same thing written so the rule passes
 */
public record RuleMeta(String id, String summary, Severity severity, List<String> tags, String bad, String good) {
    public RuleMeta {
        tags = List.copyOf(tags);
    }
}
