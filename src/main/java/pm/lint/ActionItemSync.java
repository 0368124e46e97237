package pm.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pm.model.ActionItem;
import pm.model.ActionStatus;
import pm.model.Postmortem;

/**
 * The front matter's {@code action_items}, the body's Action items table and its list items are one set: an item of
 * the body is the front-matter item with the same title ({@link ActionItem#key}: case, markup and punctuation
 * ignored), or the one whose {@code id} is its title. This class pairs them and says where their fields disagree;
 * the {@code action-items-out-of-sync} rule reports that and {@code pm lint --fix} ({@link ActionTableFix}, {@link
 * LintRun}) syncs it.
 */
public final class ActionItemSync {
    private ActionItemSync() {
    }

    /** The fields compared, in the order messages give them. */
    public static final List<ActionItem.Field> FIELDS = List.of(ActionItem.Field.OWNER, ActionItem.Field.DUE,
            ActionItem.Field.PRIORITY, ActionItem.Field.STATUS, ActionItem.Field.LINK);

    /** Which side wins a conflict ({@code pm lint --fix --prefer}). */
    public enum Prefer {
        NONE, BODY, FRONT_MATTER;

        /** {@code body} or {@code front-matter}. */
        public static Prefer parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "body" -> BODY;
                case "front-matter", "frontmatter", "front_matter" -> FRONT_MATTER;
                default -> null;
            };
        }
    }

    /** A body item and its front-matter twin (its index in {@code action_items}), or -1 with none. */
    public record Pair(ActionItem body, int frontMatterIndex, ActionItem frontMatter) {
    }

    /**
     * One field that disagrees.
     *
     * @param frontMatterValue the front matter's value, {@code null} when it has none
     * @param bodyValue        the body's value, {@code null} when it has none
     */
    public record Difference(ActionItem.Field field, String frontMatterValue, String bodyValue) {
        /** Both sides say something, and not the same. */
        public boolean conflict() {
            return frontMatterValue != null && bodyValue != null;
        }

        /** "owner is '@a' in the front matter but '@b' in the action-item table". */
        public String describe(ActionItem body) {
            return field.key() + " is " + shown(frontMatterValue) + " in the front matter but " + shown(bodyValue)
                    + " in the " + body.origin().label();
        }

        private static String shown(String v) {
            return v == null ? "not set" : "'" + v + "'";
        }
    }

    /** The tracked body items (table rows, list items under Action items), each with its twin if it has one. */
    public static List<Pair> pairs(Postmortem pm) {
        List<ActionItem> fm = pm.frontMatter().actionItems();
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < fm.size(); i++) {
            ActionItem a = fm.get(i);
            if (a.title() != null && !a.key().isEmpty()) {
                byKey.putIfAbsent(a.key(), i);
            }
            if (a.id() != null) {
                byKey.putIfAbsent(ActionItem.keyOf(a.id()), i);
            }
        }
        List<Pair> out = new ArrayList<>();
        for (ActionItem b : pm.bodyActionItems()) {
            if (b.key().isEmpty()) {
                continue;
            }
            Integer i = byKey.get(b.key());
            out.add(new Pair(b, i == null ? -1 : i, i == null ? null : fm.get(i)));
        }
        return out;
    }

    /**
     * Where a body item and its twin disagree: a field both give differently, or one only the body gives. A field
     * only the front matter gives is no disagreement: the table is written from it ({@code pm lint --fix}), and a
     * list item cannot hold every field. An unticked box ("- [ ]") agrees with any unfinished status.
     */
    public static List<Difference> differences(ActionItem frontMatter, ActionItem body) {
        List<Difference> out = new ArrayList<>();
        for (ActionItem.Field f : FIELDS) {
            String a = value(frontMatter, f);
            String b = value(body, f);
            if (b == null || same(f, a, b)) {
                continue;
            }
            if (f == ActionItem.Field.STATUS && a == null && b.equalsIgnoreCase(ActionStatus.OPEN.id())) {
                continue; // no status is open
            }
            if (f == ActionItem.Field.STATUS && body.origin() == ActionItem.Origin.LIST && a != null
                    && finished(a) == finished(b)) {
                continue; // a checkbox only says done or not
            }
            out.add(new Difference(f, a, b));
        }
        return out;
    }

    /** A field's value, stripped; {@code null} when blank. */
    public static String value(ActionItem item, ActionItem.Field f) {
        String v = switch (f) {
            case OWNER -> item.owner();
            case DUE -> item.dueText();
            case PRIORITY -> item.priority();
            case STATUS -> item.status();
            case LINK -> item.link();
            case TITLE -> item.title();
            default -> item.writtenText(f);
        };
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static boolean same(ActionItem.Field f, String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (f == ActionItem.Field.OWNER) {
            return ownerKey(a).equals(ownerKey(b));
        }
        return a.equalsIgnoreCase(b);
    }

    private static String ownerKey(String owner) {
        String s = owner.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("@") ? s.substring(1) : s;
    }

    private static boolean finished(String status) {
        return ActionStatus.parse(status).map(ActionStatus::finished).orElse(false);
    }
}
