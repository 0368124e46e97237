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

    private ActionItemText() {
    }

    static ActionItem read(String text, Span span) {
        String rest = text.strip();
        String status = null;
        Matcher box = CHECKBOX.matcher(rest);
        if (box.find()) {
            status = box.group(1).isBlank() ? ActionStatus.OPEN.id() : ActionStatus.DONE.id();
            rest = rest.substring(box.end());
        }
        String owner = null;
        Matcher m = OWNER.matcher(rest);
        if (m.find()) {
            owner = m.group(1).strip();
            rest = cut(rest, m);
        } else {
            m = HANDLE.matcher(rest);
            if (m.find()) {
                owner = "@" + m.group(1);
                rest = cut(rest, m);
            }
        }
        String dueText = null;
        m = ISO_DATE.matcher(rest);
        if (m.find()) {
            dueText = m.group(1);
            rest = cut(rest, m);
        } else {
            m = DUE_LABEL.matcher(rest);
            if (m.find()) {
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
        m = PRIORITY.matcher(rest);
        if (m.find()) {
            priority = m.group(1).toUpperCase(java.util.Locale.ROOT);
            rest = cut(rest, m);
        }
        m = STATUS.matcher(rest);
        if (m.find()) {
            String s = m.group(1).strip();
            status = ActionStatus.parse(s).map(ActionStatus::id).orElse(s);
            rest = cut(rest, m);
        }
        String title = tidy(rest);
        return new ActionItem(title.isEmpty() ? text.strip() : title, owner, dueText, due, dueProblem, priority,
                status, null, ActionItem.Origin.LIST, span);
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
