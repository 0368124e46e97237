package pm.model;

import pm.memo.BoundedMemo;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a follow-up stands. Teams write these many ways; {@link #parse} knows the common ones. */
public enum ActionStatus {
    OPEN("open"), IN_PROGRESS("in-progress"), DONE("done"), WONT_DO("wont-do");

    private static final Pattern SPACES = Pattern.compile("[\\s_]+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z' -]");

    private final String id;

    ActionStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True for done and wont-do: nothing more is expected of the item. */
    public boolean finished() {
        return this == DONE || this == WONT_DO;
    }

    public static Optional<ActionStatus> parse(String text) {
        return text == null ? Optional.empty() : KNOWN.get(text);
    }

    private static final BoundedMemo<String, Optional<ActionStatus>> KNOWN =
            BoundedMemo.ofStrings(ActionStatus::read);

    private static Optional<ActionStatus> read(String text) {
        String s = SPACES.matcher(text.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\''))
                .replaceAll(" ").replace(" - ", "-");
        if (s.contains("\u2705") || s.contains("\u2714") || s.equals("[x]") || s.equals("x")) {
            return Optional.of(DONE);
        }
        s = NOT_LETTERS.matcher(s).replaceAll("").strip();
        return Optional.ofNullable(switch (s) {
            case "open", "todo", "to do", "to-do", "new", "planned", "not started", "not-started", "pending",
                    "backlog" -> OPEN;
            case "in-progress", "in progress", "inprogress", "doing", "started", "wip", "ongoing", "in review",
                    "in-review", "blocked" -> IN_PROGRESS;
            case "done", "closed", "complete", "completed", "fixed", "resolved", "finished", "shipped",
                    "merged" -> DONE;
            case "wont-do", "won't do", "wont do", "won't-do", "wontdo", "wontfix", "won't fix", "wont fix",
                    "cancelled", "canceled", "not-doing", "not doing", "dropped", "obsolete", "rejected" -> WONT_DO;
            default -> null;
        });
    }
}
