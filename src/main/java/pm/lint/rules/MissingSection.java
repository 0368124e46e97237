package pm.lint.rules;

import java.util.List;
import java.util.regex.Pattern;
import pm.lint.LintContext;
import pm.lint.LintSettings;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.HtmlComment;
import pm.model.Postmortem;
import pm.model.Section;
import pm.model.SectionKind;
import pm.model.SourceText;
import pm.model.Span;

/**
 * The eight sections are the questions a postmortem answers. A section that is absent, empty, or still
 * holds only the template's prompt is an unanswered question.
 */
public final class MissingSection implements Rule {
    public static final RuleMeta META = new RuleMeta("missing-section",
            "Every required section (default: all eight) is present and filled in, not just the "
                    + "template prompt.",
            Severity.ERROR, List.of("structure"),
            "## Impact assessment  <!-- Who and what was affected and how much … -->  (nothing else)",
            "## Impact assessment  12,400 card payments failed (38% of attempts) over 50 minutes.",
            "A section left as the template prompt is a question nobody answered; readers and reviewers "
                    + "rely on the same sections being there.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    private static final Pattern TABLE_SEPARATOR = Pattern.compile("\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*");

    private final List<SectionKind> required;

    /** Checks the sections of {@code lint.required_sections}. */
    public MissingSection(LintSettings settings) {
        this.required = settings.requiredSections();
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        HtmlComment unclosed = unclosedComment(pm);
        boolean toldAboutComment = false;
        for (SectionKind kind : required) {
            Section s = pm.section(kind).orElse(null);
            if (s == null && unclosed != null) {
                // the sections are probably there, hidden inside the comment: say what to fix, once
                if (!toldAboutComment) {
                    ctx.report(unclosed.span(), "'<!--' is never closed, so everything after it is hidden and the "
                            + "sections there count as missing: end the comment with '-->'");
                    toldAboutComment = true;
                }
                continue;
            }
            if (s == null) {
                ctx.report(anchor(pm), "no '" + kind.title() + "' section: add '## " + kind.title() + "' with "
                        + purpose(kind));
                continue;
            }
            Emptiness e = emptiness(pm, s);
            if (e == Emptiness.PROMPT_ONLY) {
                ctx.report(s.headingSpan(), "section '" + s.heading() + "' still holds only the template prompt: "
                        + "replace it with " + purpose(kind));
            } else if (e == Emptiness.EMPTY) {
                ctx.report(s.headingSpan(), "section '" + s.heading() + "' is empty: write " + purpose(kind));
            }
        }
    }

    /** An HTML comment with no '-->': in Markdown it runs to the end of the file. */
    private static HtmlComment unclosedComment(Postmortem pm) {
        String text = pm.source().text();
        for (HtmlComment c : pm.comments()) {
            if (!text.startsWith("-->", c.end() - 3)) {
                return c;
            }
        }
        return null;
    }

    /** Where to report an absent section: the first line of the body (the title, usually). */
    private static Span anchor(Postmortem pm) {
        SourceText src = pm.source();
        int line = pm.frontMatter().present() ? pm.frontMatter().span().endLine() + 1 : 1;
        while (line < src.lineCount() && src.lineText(line).isBlank()) {
            line++;
        }
        line = Math.min(line, src.lineCount());
        return Span.at(line, 1);
    }

    /** Whether the first non-blank line is neither a table row nor a table separator: then it is content. */
    private static boolean startsWithProse(CharSequence rest) {
        // the first character of the first line that is not blank, as strip() leaves it
        int i = 0;
        while (i < rest.length() && (Character.isWhitespace(rest.charAt(i)) || isLineBreak(rest.charAt(i)))) {
            i++;
        }
        if (i == rest.length()) {
            return false;
        }
        char c = rest.charAt(i);
        if (c != '|' && c != ':' && c != '-') {
            return true; // neither a table row nor a separator can start so: the line need not be read
        }
        String line = rest.subSequence(i, lineEnd(rest, i)).toString().strip();
        return !line.startsWith("|") && !TABLE_SEPARATOR.matcher(line).matches();
    }

    private enum Emptiness { FILLED, EMPTY, PROMPT_ONLY }

    /** Comments, blank lines and tables with a header but no rows do not count as content. */
    private static Emptiness emptiness(Postmortem pm, Section s) {
        String text = pm.source().text();
        boolean comment = false;
        for (HtmlComment c : pm.comments()) {
            comment |= c.start() >= s.contentStart() && c.start() < s.contentEnd();
        }
        CharSequence rest;
        if (!comment) {
            rest = text.substring(s.contentStart(), Math.max(s.contentStart(), s.contentEnd())); // copied at once
        } else {
            StringBuilder without = new StringBuilder();
            int pos = s.contentStart();
            for (HtmlComment c : pm.comments()) {
                if (c.start() >= s.contentStart() && c.start() < s.contentEnd()) {
                    without.append(text, pos, Math.max(pos, c.start()));
                    pos = Math.max(pos, Math.min(c.end(), s.contentEnd()));
                }
            }
            without.append(text, pos, Math.max(pos, s.contentEnd()));
            rest = without;
        }
        if (startsWithProse(rest)) {
            return Emptiness.FILLED; // the common case, without splitting the whole section into lines
        }
        // line by line, as split at each \R, up to the first line that is content
        for (int at = 0; at >= 0; at = nextLine(rest, at)) {
            String line = line(rest, at).strip();
            if (line.isEmpty() || TABLE_SEPARATOR.matcher(line).matches()) {
                continue;
            }
            int second = nextLine(rest, at);
            int third = second < 0 ? -1 : nextLine(rest, second);
            // a missing line and an empty one (split drops those at the end) give the same answer here
            boolean headerOfEmptyTable = line.startsWith("|") && second >= 0
                    && TABLE_SEPARATOR.matcher(line(rest, second).strip()).matches() && line(rest, second).contains("-")
                    && (third < 0 || !line(rest, third).strip().startsWith("|"));
            if (!headerOfEmptyTable) {
                return Emptiness.FILLED;
            }
        }
        return comment ? Emptiness.PROMPT_ONLY : Emptiness.EMPTY;
    }

    /** Whether a character ends a line for {@code \R} (a CR before an LF ends it together with the LF). */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static int lineEnd(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && !isLineBreak(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String line(CharSequence s, int from) {
        return s.subSequence(from, lineEnd(s, from)).toString();
    }

    /** Where the line after the one at {@code from} starts, or -1 when that one is the last. */
    private static int nextLine(CharSequence s, int from) {
        int end = lineEnd(s, from);
        if (end >= s.length()) {
            return -1;
        }
        return s.charAt(end) == '\r' && end + 1 < s.length() && s.charAt(end + 1) == '\n' ? end + 2 : end + 1;
    }

    private static String purpose(SectionKind kind) {
        return switch (kind) {
            case SUMMARY -> "two or three sentences: what happened, for how long, who was affected";
            case TIMELINE -> "what was observed and done, in UTC, from logs and chat";
            case IMPACT -> "who and what was affected and how much, in numbers";
            case ROOT_CAUSE -> "the systemic causes and contributing factors";
            case WENT_WELL -> "what helped detection and recovery";
            case WENT_POORLY -> "what slowed detection or recovery";
            case ACTION_ITEMS -> "the follow-ups, each with an owner, a due date and a priority";
            case LESSONS_LEARNED -> "what we now know about our systems";
        };
    }
}
