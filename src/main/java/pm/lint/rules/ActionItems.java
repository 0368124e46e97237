package pm.lint.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.Postmortem;
import pm.model.Span;
import pm.yaml.YamlNode;

/** What the action-item rules share: which items to check, matching by title, and where fields are. */
public final class ActionItems {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CHECKBOX = Pattern.compile("^\\s*\\[[ xX]\\]\\s*");

    private ActionItems() {
    }

    /**
     * The title reduced for matching a body item with its front-matter twin: case, markup, punctuation
     * and spacing ignored ("Add a `pg_wal` alert." matches "add a pg_wal alert").
     */
    public static String key(String title) {
        if (title == null) {
            return "";
        }
        if (title.indexOf('[') < 0 && isAscii(title)) {
            return asciiKey(title); // the same key, without normalising or regular expressions
        }
        return normalizedKey(title);
    }

    /** {@link #key} of any text. */
    static String normalizedKey(String title) {
        String t = CHECKBOX.matcher(title).replaceFirst("");
        t = Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(t).replaceAll(" ").strip();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** {@link #key} of ASCII text: NFKC leaves it alone, and only ASCII letters and digits are words. */
    private static String asciiKey(String s) {
        char[] out = new char[s.length()];
        int n = 0;
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && n > 0) {
                    out[n++] = ' '; // stands for at least one character of s: it fits
                }
                gap = false;
                out[n++] = c;
            } else {
                gap = true;
            }
        }
        return new String(out, 0, n);
    }

    /** Titles (as keys) of the front matter's action items. */
    static Set<String> frontMatterKeys(Postmortem pm) {
        Memo memo = memo(pm);
        if (memo.frontMatterKeys == null) {
            Set<String> keys = new HashSet<>();
            for (ActionItem a : pm.frontMatter().actionItems()) {
                if (a.title() != null) {
                    keys.add(key(pm, a.title()));
                }
            }
            memo.frontMatterKeys = Set.copyOf(keys);
        }
        return memo.frontMatterKeys;
    }

    /** {@link #key(String)} of a title of {@code pm}: several rules ask in turn about the same titles. */
    static String key(Postmortem pm, String title) {
        return title == null ? "" : memo(pm).keys.computeIfAbsent(title, ActionItems::key);
    }

    /**
     * The items whose fields are checked: every front-matter item, and each body item that has no
     * front-matter twin (a twin is checked once, where {@code pm overdue} reads it).
     */
    static List<ActionItem> toCheck(Postmortem pm) {
        Memo memo = memo(pm);
        if (memo.items == null) {
            memo.items = List.copyOf(itemsToCheck(pm)); // several rules ask in turn about the same file
        }
        return memo.items;
    }

    /** What was worked out about the file this thread checks now; one file at a time, so one memo. */
    private static final class Memo {
        final Postmortem pm;
        final java.util.Map<String, String> keys = new java.util.HashMap<>();
        List<ActionItem> items;
        Set<String> frontMatterKeys;

        Memo(Postmortem pm) {
            this.pm = pm;
        }
    }

    private static final ThreadLocal<Memo> LAST = new ThreadLocal<>();

    private static Memo memo(Postmortem pm) {
        Memo memo = LAST.get();
        if (memo == null || memo.pm != pm) {
            memo = new Memo(pm);
            LAST.set(memo);
        }
        return memo;
    }

    private static List<ActionItem> itemsToCheck(Postmortem pm) {
        List<ActionItem> fm = pm.frontMatter().actionItems();
        if (fm.isEmpty()) {
            return pm.bodyActionItems();
        }
        Set<String> keys = frontMatterKeys(pm);
        List<ActionItem> out = new ArrayList<>(fm);
        for (ActionItem a : pm.bodyActionItems()) {
            if (!keys.contains(key(pm, a.title()))) {
                out.add(a);
            }
        }
        return out;
    }

    /** The YAML mapping of a front-matter item, or {@code null} for body items and plain-text items. */
    static YamlNode.Mapping yaml(FrontMatter fm, ActionItem item) {
        if (item.origin() != ActionItem.Origin.FRONT_MATTER || fm.raw() == null
                || !(fm.raw().get("action_items") instanceof YamlNode.Sequence seq)) {
            return null;
        }
        for (YamlNode n : seq.items()) {
            if (n instanceof YamlNode.Mapping m && n.line() == item.span().line()
                    && n.column() == item.span().column()) {
                return m;
            }
        }
        return null;
    }

    /** Where a field of an item is written: its YAML value in the front matter, else the item itself. */
    static Span fieldSpan(FrontMatter fm, ActionItem item, String field) {
        YamlNode.Mapping m = yaml(fm, item);
        if (m != null && m.get(field) != null) {
            YamlNode v = m.get(field);
            return Span.at(v.line(), v.column());
        }
        return item.span();
    }

    /** The value of a front-matter item's field as written, or {@code null}. */
    static String yamlText(FrontMatter fm, ActionItem item, String field) {
        YamlNode.Mapping m = yaml(fm, item);
        if (m != null && m.get(field) instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
            return s.text().strip();
        }
        return null;
    }

    /** "'Add a WAL alert'", shortened for a one-line message. */
    static String quote(ActionItem item) {
        String t = item.title() == null ? "(untitled)" : item.title().strip();
        if (t.length() > 60) {
            t = t.substring(0, 57).stripTrailing() + "…";
        }
        return "'" + t + "'";
    }

    /** "in the front matter", "in the action-item table", … */
    static String where(ActionItem item) {
        return "in the " + item.origin().label();
    }
}
