package pm.lint;

import java.util.List;

/**
 * What a rule is, in the style of Error Prone's {@code @BugPattern}, as a plain value each rule holds: its
 * stable id, a one-line summary, the default severity, tags, a bad and a good example, and why it matters.
 * {@code .pm.yml} validation, the SARIF rules table, {@code pm lint --list-rules} and {@code --explain} and the
 * README's rule table all read it.
 *
 * @param id   the id users write in {@code .pm.yml} and {@code pm-disable} comments; never change it
 * @param bad  a line a postmortem might contain that the rule flags
 * @param good the same thing written so the rule passes
 * @param why  why the rule exists: what goes wrong for a team when its findings are ignored (a sentence or two)
 * @param aliases ids the rule was known by before: {@code .pm.yml} and {@code pm-disable} comments may still use them,
 *                and mean this rule
 */
public record RuleMeta(String id, String summary, Severity severity, List<String> tags, String bad, String good,
                       String why, List<String> aliases) {
    /**
     * The README on the project's home page, where each rule has an anchor ({@link #docUrl}). pom.xml names no
     * project URL; this one follows its groupId ({@code dev.pm}).
     */
    public static final String README_URL = "https://github.com/dev-pm/pm/blob/main/README.md";

    public RuleMeta {
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
    }

    /** A rule that was never renamed. */
    public RuleMeta(String id, String summary, Severity severity, List<String> tags, String bad, String good,
            String why) {
        this(id, summary, severity, tags, bad, good, why, List.of());
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

    /** The README anchor of this rule (an {@code <a id="rule-ID">} in the README's rule table), e.g. {@code #rule-blame-language}. */
    public String anchor() {
        return "rule-" + id;
    }

    /** Where this rule is documented: the README's anchor for it, for SARIF {@code helpUri}s and text output. */
    public String docUrl() {
        return README_URL + "#" + anchor();
    }
}
