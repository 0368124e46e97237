package pm.lint;

import java.nio.file.Path;
import java.util.List;
import pm.lint.rules.Rules;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.Schema;

/** Lints text in memory, the way {@code pm lint} lints a file. */
public final class LintFixture {
    /** A postmortem every rule passes: the eight sections, complete action items, no blame. */
    public static final String CLEAN = """
            ---
            title: Payment API outage
            date: 2025-03-14
            severity: SEV2
            status: published
            incident:
              started: 2025-03-14T09:12:00Z
              resolved: 2025-03-14T10:02:00Z
            action_items:
              - title: Alert when the pg_wal volume passes 80% on every Postgres primary
                owner: "@maria"
                due: 2025-03-28
                priority: P1
                status: open
            ---

            # Payment API outage

            ## Summary

            For 50 minutes, 38% of card payments failed because the WAL volume filled up.

            ## Timeline

            | Time (UTC) | Event | Source |
            |------------|-------|--------|
            | 09:12 | pg_wal volume reaches 100% | Postgres logs |
            | 09:19 | Error-rate alert pages the on-call | PagerDuty |

            ## Impact assessment

            12,400 card payments failed.

            ## Root cause analysis

            The archiver read credentials once at start-up, so a rotation left it failing silently.

            ## What went well

            The error-rate alert fired within seven minutes.

            ## What went poorly

            Two days of archiving failures produced no signal.

            ## Action items

            | Action item | Owner | Due | Priority | Status |
            |-------------|-------|-----|----------|--------|
            | Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-03-28 | P1 | open |

            ## Lessons learned

            A component that fails quietly is as dangerous as one that fails loudly.
            """;

    private LintFixture() {
    }

    /** The settings without a .pm.yml: every built-in rule at its default severity. */
    public static final LintSettings DEFAULTS = LintSettings.defaults(Rules.metas());

    public static List<Finding> lint(String text) {
        return lint(text, DEFAULTS);
    }

    public static List<Finding> lint(String text, LintSettings settings) {
        return new Linter(settings, Rules.ALL).lint(parse(text), "pm.md");
    }

    public static Postmortem parse(String text) {
        return new PostmortemParser(Schema.DEFAULT).parse(Path.of("pm.md"), SourceText.of(text));
    }

    /** The findings of one rule, as "line:col message" for readable assertions. */
    public static List<String> of(String rule, String text) {
        return lint(text).stream().filter(f -> f.rule().equals(rule))
                .map(f -> f.line() + ":" + f.column() + " " + f.message()).toList();
    }

    /** The clean postmortem with one piece of text replaced. */
    public static String cleanWith(String target, String replacement) {
        if (!CLEAN.contains(target)) {
            throw new IllegalArgumentException("not in CLEAN: " + target);
        }
        return CLEAN.replace(target, replacement);
    }

    /** Line number (1-based) of the first line containing {@code needle}. */
    public static int lineOf(String text, String needle) {
        int i = text.indexOf(needle);
        if (i < 0) {
            throw new IllegalArgumentException("not found: " + needle);
        }
        return (int) text.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Column (1-based) of the first occurrence of {@code needle} on its line. */
    public static int columnOf(String text, String needle) {
        int i = text.indexOf(needle);
        return i - text.lastIndexOf('\n', i - 1);
    }
}
