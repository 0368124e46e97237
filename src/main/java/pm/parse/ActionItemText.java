package pm.parse;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pm.model.ActionItem;
import pm.model.ActionStatus;
import pm.model.Span;

/**
 * Reads an action item written as one line of prose, such as
 * {@code [ ] Add a disk alert at 85% — owner: @maria, due 2025-03-01, P1}: a checkbox, an owner
 * ({@code owner: name} or {@code @handle}), a due date (an ISO date, or {@code due: text}) and a priority
 * (P0–P3) are taken out, and what remains is the title.
 */
final class ActionItemText {
    private static final Pattern CHECKBOX = Pattern.compile("^\\s*\\[([ xX])\\]\\s*");
    private static final Pattern OWNER = Pattern.compile(
            "(?i)\\b(?:owner|owners|assignee|assigned to|dri)\\s*[:=]\\s*(@?[\\p{L}\\p{N}._-]+(?:\\s+[\\p{Lu}][\\p{L}'-]+)?)");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z0-9])");
    private static final Pattern DUE_LABEL = Pattern.compile(
            "(?i)\\b(?:due(?: date)?|deadline|by|eta)\\s*[:=]\\s*([^,;|()\\]]+)");
    private static final Pattern ISO_DATE = Pattern.compile(
            "(?i)(?:\\b(?:due(?: date| by| on)?|deadline|by|eta)\\s*[:=]?\\s*)?(?<![\\d-])(\\d{4}-\\d{1,2}-\\d{1,2})(?![\\d-])");
    private static final Pattern PRIORITY = Pattern.compile("(?i)(?:\\bpriority\\s*[:=]\\s*)?\\b(P[0-3])\\b");
    private static final Pattern STATUS = Pattern.compile("(?i)\\bstatus\\s*[:=]\\s*([\\p{L}' -]+?)(?=\\s*(?:[,;|()]|$))");

    /**
     * Whether each expression is tried only where the text holds what it needs (a '@' for a handle, four digits
     * and a '-' for a date, …): the same result, with a fraction of the regular-expression passes, which cost a
     * list item tens of microseconds under C1. Tests compare both ways.
     */
    private static final boolean GUARDED = true;

    private ActionItemText() {
    }

    static ActionItem read(String text, Span span) {
        return read(text, span, GUARDED);
    }

    static ActionItem read(String text, Span span, boolean guarded) {
        String rest = text.strip();
        String status = null;
        Matcher box = !guarded || rest.startsWith("[") ? CHECKBOX.matcher(rest) : null;
        if (box != null && box.find()) {
            status = box.group(1).isBlank() ? ActionStatus.OPEN.id() : ActionStatus.DONE.id();
            rest = rest.substring(box.end());
        }
        String owner = null;
        Matcher m = find(OWNER, rest, !guarded ? 0 : labelled(rest) ? firstOf(rest, "owner", "assign", "dri") : -1);
        if (m != null) {
            owner = m.group(1).strip();
            rest = cut(rest, m);
        } else {
            m = find(HANDLE, rest, !guarded ? 0 : rest.indexOf('@'));
            if (m != null) {
                owner = "@" + m.group(1);
                rest = cut(rest, m);
            }
        }
        String dueText = null;
        m = find(ISO_DATE, rest, !guarded ? 0 : labelStart(rest, isoDate(rest)));
        if (m != null) {
            dueText = m.group(1);
            rest = cut(rest, m);
        } else {
            m = find(DUE_LABEL, rest, !guarded ? 0 : labelled(rest) ? firstOf(rest, "due", "deadline", "by", "eta") : -1);
            if (m != null) {
                dueText = m.group(1).strip();
                rest = cut(rest, m);
            }
        }
        LocalDate due = null;
        String dueProblem = null;
        if (dueText != null) {
            Dates.Result<LocalDate> r = Dates.date(dueText);
            due = r.value();
            dueProblem = r.problem();
        }
        String priority = null;
        m = find(PRIORITY, rest, !guarded ? 0 : labelStart(rest, priority(rest)));
        if (m != null) {
            priority = m.group(1).toUpperCase(java.util.Locale.ROOT);
            rest = cut(rest, m);
        }
        m = find(STATUS, rest, !guarded ? 0 : labelled(rest) ? firstOf(rest, "status") : -1);
        if (m != null) {
            String s = m.group(1).strip();
            status = ActionStatus.parse(s).map(ActionStatus::id).orElse(s);
            rest = cut(rest, m);
        }
        String title = guarded ? tidyGuarded(rest) : tidy(rest);
        return new ActionItem(title.isEmpty() ? text.strip() : title, owner, dueText, due, dueProblem, priority,
                status, null, ActionItem.Origin.LIST, span);
    }

    /** Whether a field can be written as "label: value" or "label=value" in {@code s}. */
    private static boolean labelled(String s) {
        return s.indexOf(':') >= 0 || s.indexOf('=') >= 0;
    }

    /**
     * The first match of {@code p} in {@code s} that starts at {@code from} or later, or null; none when {@code from}
     * is negative. The look-behinds and word boundaries still see the text before {@code from}.
     */
    private static Matcher find(Pattern p, String s, int from) {
        if (from < 0) {
            return null;
        }
        Matcher m = p.matcher(s);
        if (from > 0) {
            m.region(from, s.length()).useTransparentBounds(true).useAnchoringBounds(false);
        }
        return m.find() ? m : null;
    }

    /**
     * Where the first of the words occurs in {@code s}, ignoring case, or -1. An expression that starts with one of
     * them (ignoring ASCII case) cannot match before it.
     */
    private static int firstOf(String s, String... words) {
        int first = -1;
        for (String w : words) {
            for (int i = 0; i + w.length() <= s.length() && (first < 0 || i < first); i++) {
                if (s.regionMatches(true, i, w, 0, w.length())) {
                    first = i;
                    break;
                }
            }
        }
        return first;
    }

    /** Where four ASCII digits and a '-' first occur in {@code s} (where every ISO date starts), or -1. */
    private static int isoDate(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                run++;
            } else {
                if (c == '-' && run >= 4) {
                    return i - 4;
                }
                run = 0;
            }
        }
        return -1;
    }

    /** Where a 'P' (either case) followed by 0 to 3 first occurs in {@code s}, or -1. */
    private static int priority(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            char d = s.charAt(i + 1);
            if ((c == 'p' || c == 'P') && d >= '0' && d <= '3') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where a match whose value starts at {@code at} can start at the earliest, with its optional label before it
     * (a word of at most 8 letters, spaces, ':' or '=', spaces, as "due date: " or "priority = "); -1 for none.
     * The label's characters cannot hold the value's first characters (digits, or 'P' and a digit), so no match
     * of the expression starts before this.
     */
    private static int labelStart(String s, int at) {
        if (at < 0) {
            return -1;
        }
        int i = at;
        while (i > 0 && isSpace(s.charAt(i - 1))) {
            i--;
        }
        if (i > 0 && (s.charAt(i - 1) == ':' || s.charAt(i - 1) == '=')) {
            i--;
            while (i > 0 && isSpace(s.charAt(i - 1))) {
                i--;
            }
        }
        return Math.max(0, i - 8);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String cut(String s, Matcher m) {
        return s.substring(0, m.start()) + " " + s.substring(m.end());
    }

    private static final Pattern EMPTY_PARENS = Pattern.compile("\\(\\s*[,;]?\\s*\\)");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\[\\s*[,;]?\\s*\\]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("(\\s*[-\u2013\u2014,;:|/]\\s*)+$");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^(\\s*[-\u2013\u2014,;:|]\\s*)+");
    private static final Pattern SPACE_BEFORE_COMMA = Pattern.compile("\\s+([,;])");
    private static final Pattern REPEATED_COMMAS = Pattern.compile("([,;])(\\s*[,;])+");

    /**
     * {@link #tidy}, running each replacement only where the text holds what it replaces: most titles have no
     * brackets, no whitespace but single spaces, and no separators at their ends.
     */
    private static String tidyGuarded(String s) {
        String t = s.indexOf('(') >= 0 && s.indexOf(')') >= 0 ? EMPTY_PARENS.matcher(s).replaceAll(" ") : s;
        t = t.indexOf('[') >= 0 && t.indexOf(']') >= 0 ? EMPTY_BRACKETS.matcher(t).replaceAll(" ") : t;
        t = onlySingleSpaces(t) ? t.strip() : SPACES.matcher(t).replaceAll(" ").strip();
        if (!t.isEmpty() && SEPARATOR_CHARS.indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = TRAILING_SEPARATORS.matcher(t).replaceAll("");
        }
        if (!t.isEmpty() && (SEPARATOR_CHARS.indexOf(t.charAt(0)) >= 0 || Character.isWhitespace(t.charAt(0)))) {
            t = LEADING_SEPARATORS.matcher(t).replaceAll("");
        }
        if (t.contains(" ,") || t.contains(" ;")) {
            t = SPACE_BEFORE_COMMA.matcher(t).replaceAll("$1");
        }
        if (t.indexOf(',') >= 0 || t.indexOf(';') >= 0) {
            t = REPEATED_COMMAS.matcher(t).replaceAll("$1");
        }
        return t.strip();
    }

    /** The characters the separator expressions remove at either end of a title. */
    private static final String SEPARATOR_CHARS = "-\u2013\u2014,;:|/";

    /** Whether the only whitespace in {@code s} is single spaces ({@code \\s+} as " " then changes nothing). */
    private static boolean onlySingleSpaces(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                    || c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** Removes the separators left behind when the fields were taken out. */
    private static String tidy(String s) {
        String t = EMPTY_PARENS.matcher(s).replaceAll(" ");
        t = EMPTY_BRACKETS.matcher(t).replaceAll(" ");
        t = SPACES.matcher(t).replaceAll(" ").strip();
        t = TRAILING_SEPARATORS.matcher(t).replaceAll("");
        t = LEADING_SEPARATORS.matcher(t).replaceAll("");
        t = SPACE_BEFORE_COMMA.matcher(t).replaceAll("$1");
        t = REPEATED_COMMAS.matcher(t).replaceAll("$1");
        return t.strip();
    }
}
