package pm.lint.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pm.lint.LintContext;
import pm.model.ActionItem;
import pm.model.Postmortem;

/** What the action-item rules share: which items to check, and how to name an item in a message. */
final class ActionItems {
    /** Names {@link #toCheck}'s result among what the rules of one file share. */
    private static final Object TO_CHECK = new Object();
    /** Names {@link #frontMatterKeys}' result likewise. */
    private static final Object FRONT_MATTER_KEYS = new Object();

    private ActionItems() {
    }

    /** The keys ({@link ActionItem#key}) of the front matter's action items that have a title. */
    static Set<String> frontMatterKeys(Postmortem pm, LintContext ctx) {
        return ctx.shared(FRONT_MATTER_KEYS, ActionItems::keysOf);
    }

    private static Set<String> keysOf(Postmortem pm) {
        Set<String> keys = new HashSet<>();
        for (ActionItem a : pm.frontMatter().actionItems()) {
            if (a.title() != null) {
                keys.add(a.key());
            }
        }
        return Set.copyOf(keys);
    }

    /**
     * The items whose fields are checked: every front-matter item, and each body item that has no
     * front-matter twin (a twin is checked once, where {@code pm overdue} reads it) — unless it is finished
     * ({@link ActionItem#finished}: done or wont-do, by its status field, status column or ticked checkbox). A
     * finished item needs no owner, due date or priority any more, and its wording no longer matters; checking it
     * would repeat the same warnings on every commit for good.
     */
    static List<ActionItem> toCheck(Postmortem pm, LintContext ctx) {
        return ctx.shared(TO_CHECK, p -> itemsToCheck(p, ctx));
    }

    private static List<ActionItem> itemsToCheck(Postmortem pm, LintContext ctx) {
        List<ActionItem> fm = pm.frontMatter().actionItems();
        List<ActionItem> out = new ArrayList<>();
        if (fm.isEmpty()) {
            unfinished(pm.bodyActionItems(), out);
            return out.size() == pm.bodyActionItems().size() ? pm.bodyActionItems() : List.copyOf(out);
        }
        Set<String> keys = frontMatterKeys(pm, ctx); // a finished front-matter item's twin is left out with it
        unfinished(fm, out);
        for (ActionItem a : pm.bodyActionItems()) {
            if (!keys.contains(a.key()) && !a.finished()) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /** Adds the unfinished ones of {@code items} to {@code out}; a loop, as this runs for every file. */
    private static void unfinished(List<ActionItem> items, List<ActionItem> out) {
        for (ActionItem a : items) {
            if (!a.finished()) {
                out.add(a);
            }
        }
    }

    /** Names {@link #toJudge}'s result among what the rules of one file share. */
    private static final Object TO_JUDGE = new Object();

    /**
     * Every follow-up whose words are judged: the items whose fields are checked ({@link #toCheck}), and the
     * follow-ups written elsewhere (unticked checklist items, "We will …" sentences in the follow-up sections, the
     * steps nested under a follow-up unless ticked).
     */
    static List<ActionItem> toJudge(Postmortem pm, LintContext ctx) {
        if (pm.followUpMentions().isEmpty()) {
            return toCheck(pm, ctx);
        }
        return ctx.shared(TO_JUDGE, p -> {
            List<ActionItem> all = new ArrayList<>(toCheck(p, ctx));
            unfinished(p.followUpMentions(), all); // a ticked step nested under a follow-up is done
            all.sort(java.util.Comparator.comparingInt((ActionItem a) -> a.origin() == ActionItem.Origin.FRONT_MATTER
                    ? 0 : 1).thenComparingInt(a -> a.span().line()).thenComparingInt(a -> a.span().column()));
            return List.copyOf(all);
        });
    }

    /** "action item 'Add a WAL alert'", or "follow-up '…'" for one written in prose or a checklist. */
    static String named(ActionItem item) {
        return (item.tracked() ? "action item " : "follow-up ") + quote(item);
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
