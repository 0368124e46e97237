package pm.hardening;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.model.Postmortem;
import pm.parse.PostmortemParser;
import pm.parse.Schema;

/** A clean postmortem and the ways the hardening tests break it. */
final class Inputs {
    static final PostmortemParser PARSER = new PostmortemParser(Schema.DEFAULT);

    /** A complete postmortem with no problems, in the shape {@code pm new} writes and people fill in. */
    static final String CLEAN = """
            ---
            title: Payment API outage
            date: 2025-03-14
            severity: SEV2
            status: published
            authors: [Maria Chen, Sam Okafor]
            services: [payments-api]
            incident:
              started: 2025-03-14T09:12:00Z
              detected: 2025-03-14T09:19:00Z
              resolved: 2025-03-14T10:02:00Z
            action_items:
              - title: Alert when the pg_wal volume passes 80%
                owner: "@maria"
                due: 2025-03-28
                priority: P1
                status: open
            ---

            # Payment API outage

            ## Summary

            For 50 minutes 38% of card payments failed because the WAL volume filled up.

            ## Timeline

            | Time (UTC) | Event | Source |
            |------------|-------|--------|
            | 09:12 | pg_wal volume reaches 100%; writes fail | Postgres logs |
            | 09:19 | Error-rate alert pages the on-call | PagerDuty |

            ## Impact assessment

            - 12,400 card payments failed.

            ## Root cause analysis

            The archiver read its credentials once at start-up, so a rotation left it failing quietly.

            ## What went well

            - The alert fired within seven minutes.

            ## What went poorly

            - Two days of archiving failures produced no signal.

            ## Action items

            | Action item | Owner | Due | Priority | Status |
            |-------------|-------|-----|----------|--------|
            | Alert when the pg_wal volume passes 80% | @maria | 2025-03-28 | P1 | open |

            ## Lessons learned

            A component that fails quietly is as dangerous as one that fails loudly.
            """;

    private Inputs() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes and parses bytes as pm does for a file; an input error is returned as the exception. */
    static Postmortem parse(String text) {
        try {
            return parse(utf8(text));
        } catch (InputException e) {
            throw new AssertionError("valid UTF-8 text was refused: " + e.getMessage(), e);
        }
    }

    static Postmortem parse(byte[] bytes) throws InputException {
        Path path = Path.of("postmortems/x.md");
        return PARSER.parse(path, TextFiles.decode(path, bytes));
    }

    /** The clean postmortem with its front matter replaced by {@code yaml} (the lines between the '---'). */
    static String withFrontMatter(String yaml) {
        int end = CLEAN.indexOf("\n---\n", 4);
        return "---\n" + yaml + CLEAN.substring(end + 1);
    }
}
