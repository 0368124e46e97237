package pm.model;

import pm.memo.BoundedMemo;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who owns a follow-up. An owner written as a placeholder ("TBD", "?", "the team") is no owner at all:
 * nobody will do the work. {@link #DEFAULT_PLACEHOLDERS} is the one shared default list.
 */
public final class Owners {
    /** Owner values that name nobody, compared after {@link #normalise}. */
    public static final List<String> DEFAULT_PLACEHOLDERS = List.of("tbd", "tba", "tbc", "?", "none", "n/a", "na",
            "-", "nobody", "no one", "noone", "unassigned", "unknown", "someone", "anyone", "everyone", "all",
            "team", "the team", "us", "we", "todo");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WRAPPING = Pattern.compile("^[\\[(<{\"'`*_]+|[\\])>}\"'`*_.]+$");
    /** Before DEFAULT, which normalises the placeholders as the class is set up. */
    private static final BoundedMemo<String, String> NORMALISED = BoundedMemo.ofStrings(Owners::normaliseNow);
    private static final Predicate<String> DEFAULT = placeholders(DEFAULT_PLACEHOLDERS);

    private Owners() {
    }

    /** True when the owner is missing, blank or one of the default placeholders. */
    public static boolean isPlaceholder(String owner) {
        return DEFAULT.test(owner);
    }

    /**
     * A test for owners that name nobody: missing, blank, only question marks, or one of {@code placeholders}
     * (matched ignoring case, spacing and surrounding brackets or quotes). Build it once, use it for every item.
     */
    public static Predicate<String> placeholders(Collection<String> placeholders) {
        Set<String> set = placeholders.stream().map(Owners::normalise).collect(Collectors.toUnmodifiableSet());
        return owner -> {
            if (owner == null) {
                return true;
            }
            String s = normalise(owner);
            return s.isEmpty() || onlyQuestionMarks(s) || set.contains(s);
        };
    }

    private static boolean onlyQuestionMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '?') {
                return false;
            }
        }
        return true;
    }

    /** Lower case, single spaces, without surrounding brackets, quotes or a trailing full stop: "[TBD]" is "tbd". */
    public static String normalise(String owner) {
        return NORMALISED.get(owner); // the same few owners on every item of a repository
    }

    private static String normaliseNow(String owner) {
        String s = SPACES.matcher(owner.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        String before;
        do {
            before = s;
            s = WRAPPING.matcher(s).replaceAll("").strip();
        } while (!s.equals(before));
        return s;
    }
}
