package pm.model;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One follow-up from a postmortem: from the front matter {@code action_items} list, a row of the
 * action-item table, or a list item under the Action items section.
 *
 * @param due        the due date when {@code dueText} is a valid date, else {@code null}
 * @param dueText    the due date as written ({@code null} when absent)
 * @param dueProblem why {@code dueText} is not a date ({@code null} when it is, or is absent)
 * @param key        the title reduced for matching an item with its twin elsewhere in the file ({@link #keyOf})
 * @param written    where each field is written and its text as written (front-matter items: the YAML value);
 *                   a field not in it is written nowhere of its own ({@link #spanOf} is then the item's span)
 * @param waiver     the item's exemption from the follow-up policies ({@code waiver:} of a front-matter item), or
 *                   {@code null}; a waiver written with a field missing or wrong is a front-matter problem, not a waiver
 */
public record ActionItem(
        String title,
        String owner,
        String dueText,
        LocalDate due,
        String dueProblem,
        String priority,
        String status,
        String link,
        Origin origin,
        Span span,
        String key,
        Map<Field, Written> written,
        Waiver waiver) {

    public enum Origin {
        FRONT_MATTER("front matter"), TABLE("action-item table"), LIST("action-item list"),
        /** An unticked checklist item ("- [ ] …") outside the follow-up sections. */
        CHECKLIST("checklist"),
        /** A sentence that announces work in a follow-up section ("We will add …"). */
        SENTENCE("follow-up section's text"),
        /** A list item nested under a follow-up: a step or detail of it, judged for its words only. */
        NESTED("nested follow-up");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The fields of an action item, by the names the front matter gives them. */
    public enum Field {
        TITLE("title"), OWNER("owner"), DUE("due"), PRIORITY("priority"), STATUS("status"), LINK("link"),
        /** Why an item is wont-do (optional; accepted on any item). */
        REASON("reason"),
        /** A name for the item that stays when its title changes ({@code pm action done FILE#id}); optional. */
        ID("id"),
        /** The due date first agreed, kept by {@code pm action set --due} when the item is re-planned. */
        FIRST_DUE("first_due");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The key in an {@code action_items} entry. */
        public String key() {
            return key;
        }
    }

    /**
     * A field as written.
     *
     * @param text the value's text, stripped; {@code null} when it is empty or not text (a list, a mapping)
     * @param span where the value starts
     */
    public record Written(String text, Span span) {
    }

    public ActionItem {
        written = written.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(written));
    }

    /** An item without a waiver. */
    public ActionItem(String title, String owner, String dueText, LocalDate due, String dueProblem, String priority,
            String status, String link, Origin origin, Span span, String key, Map<Field, Written> written) {
        this(title, owner, dueText, due, dueProblem, priority, status, link, origin, span, key, written, null);
    }

    /** An item whose fields are written nowhere of their own (a table row, a list item). */
    public ActionItem(String title, String owner, String dueText, LocalDate due, String dueProblem, String priority,
            String status, String link, Origin origin, Span span) {
        this(title, owner, dueText, due, dueProblem, priority, status, link, origin, span, keyOf(title), Map.of());
    }

    /** The same item, found as {@code origin} says. */
    public ActionItem withOrigin(Origin origin) {
        return origin == this.origin ? this : new ActionItem(title, owner, dueText, due, dueProblem, priority, status,
                link, origin, span, key, written, waiver);
    }

    /** What the item asks for, to be judged: its title without ticket ids, priorities, owners, links and hedges. */
    public String task() {
        return FollowUpText.task(title);
    }

    /** Whether it is an item of a list or table of follow-ups, or of the front matter: one to track. */
    public boolean tracked() {
        return origin != Origin.CHECKLIST && origin != Origin.SENTENCE && origin != Origin.NESTED;
    }

    /**
     * Whether nothing more is expected of it: its status is done or wont-do in any spelling {@link ActionStatus}
     * knows (a ticked checkbox is done). No status, or a word it does not know, is unfinished.
     */
    public boolean finished() {
        return status != null && ActionStatus.parse(status).map(ActionStatus::finished).orElse(false);
    }

    /**
     * Why the item will not be done, as its front matter's {@code reason} says ({@code reason: Superseded by the
     * queue migration}), or {@code null}. Meant for wont-do items; on any other it is kept all the same.
     */
    public String reason() {
        return writtenText(Field.REASON);
    }

    /** The item's {@code id:} in the front matter, or {@code null} (body items have none). */
    public String id() {
        return writtenText(Field.ID);
    }

    public boolean hasOwner() {
        return owner != null && !owner.isBlank();
    }

    public boolean hasPriority() {
        return priority != null && !priority.isBlank();
    }

    /** Where a field is written, else where the item is. */
    public Span spanOf(Field field) {
        Written w = written.get(field);
        return w != null ? w.span() : span;
    }

    /** A field's text as written ({@link Written#text}), or {@code null}. */
    public String writtenText(Field field) {
        Written w = written.get(field);
        return w == null ? null : w.text();
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CHECKBOX = Pattern.compile("^\\s*\\[[ xX]\\]\\s*");

    /**
     * A title reduced for matching a body item with its front-matter twin: case, markup, punctuation and spacing
     * ignored ("Add a `pg_wal` alert." matches "add a pg_wal alert"); "" for none.
     */
    public static String keyOf(String title) {
        if (title == null) {
            return "";
        }
        String ascii = asciiKey(title); // the same key, without normalising or regular expressions
        return ascii != null ? ascii : normalizedKey(title);
    }

    /** {@link #keyOf} of any text. */
    static String normalizedKey(String title) {
        String t = CHECKBOX.matcher(title).replaceFirst("");
        t = Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(t).replaceAll(" ").strip();
    }

    /**
     * {@link #keyOf} of ASCII text without '[': NFKC leaves it alone, and only ASCII letters and digits are words;
     * {@code null} for any other text. Built as bytes: a Latin-1 string is made from them by one copy, where one
     * from chars is checked a character at a time.
     */
    private static String asciiKey(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || c == '[') {
                return null;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && n > 0) {
                    out[n++] = ' '; // stands for at least one character of s: it fits
                }
                gap = false;
                out[n++] = (byte) c;
            } else {
                gap = true;
            }
        }
        return new String(out, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
