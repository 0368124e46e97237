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
 * @param aliases ids the rule was known by before: {@code .pm.yml} and {@code pm-disable} comments may still use them,
 *                and mean this rule
 */
public record RuleMeta(String id, String summary, Severity severity, List<String> tags, String bad, String good,
        List<String> aliases) {
    public RuleMeta {
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
    }

    /** A rule that was never renamed. */
    public RuleMeta(String id, String summary, Severity severity, List<String> tags, String bad, String good) {
        this(id, summary, severity, tags, bad, good, List.of());
    }

    /** Whether {@code name} is this rule's id or one of its aliases. */
    public boolean named(String name) {
        return id.equals(name) || aliases.contains(name);
    }

    /** The id a name stands for among {@code rules}: itself, or the id of the rule it is an alias of. */
    public static String canonical(List<RuleMeta> rules, String name) {
        for (RuleMeta r : rules) {
            if (r.aliases.contains(name)) {
                return r.id;
            }
        }
        return name;
    }
}
