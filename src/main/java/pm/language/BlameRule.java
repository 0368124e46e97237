package pm.language;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pm.language.Lexicon.Kind;

/**
 * One blame pattern: a regular expression plus a condition on who acts. The message template gets the
 * matched phrase; the suggestion may depend on the match (for example on the verb). An {@code excusable}
 * rule does not fire when the sentence goes on to name a system as the cause ("we didn't notice the lag
 * because the alert went to a muted channel"): that describes a detection gap, not a person's failing.
 */
record BlameRule(String family, LazyPattern regex, Actor actor, String message, Function<Matcher, String> suggestion,
                 boolean excusable, int readsBack) {

    /** Who must perform the matched action for the rule to fire. */
    enum Actor {
        /** Nobody in particular: the phrase itself judges a person. */
        ANY,
        /** The noun phrase before the match is a person. */
        PERSON,
        /** The noun phrase before the match is anything but a system. */
        NOT_SYSTEM,
        /** The noun phrase before the match is a person, or the clause has no subject ("should have …"). */
        PERSON_OR_NONE,
        /** The subject of the clause around the match is a person. */
        CLAUSE_PERSON,
        /** The noun phrase captured by the group {@code subj} is a person. */
        SUBJECT_GROUP
    }

    private static final int MAX_PHRASE = 48;

    /** The same rule, silenced by a system named as the cause later in the sentence. */
    BlameRule excusedBySystemCause() {
        return new BlameRule(family, regex, actor, message, suggestion, true, readsBack);
    }

    /**
     * The same rule, declared to read back: every match begins with the word it requires first ("because"),
     * and a look-behind there needs one of its other required words to start at most {@code reach} characters
     * before that word. {@link BlameDetector} then skips the rule where its words do not occur in that order,
     * which it tells from the prefilter's hits without running the expression.
     */
    BlameRule readsBack(int reach) {
        return new BlameRule(family, regex, actor, message, suggestion, excusable, reach);
    }

    /** The same rule, triggered by these sets of words ({@link LazyPattern#when}). */
    @SafeVarargs
    final BlameRule when(java.util.Set<String>... sets) {
        return new BlameRule(family, regex.when(sets), actor, message, suggestion, excusable, readsBack);
    }

    /** The compiled expression (compiled on first use). */
    Pattern pattern() {
        return regex.get();
    }

    boolean accepts(Matcher m, Subjects subjects) {
        if (excusable && subjects.impersonalCauseAfter(subjects.indexAt(m.end()))) {
            return false;
        }
        return actorMatches(m, subjects);
    }

    private boolean actorMatches(Matcher m, Subjects subjects) {
        return switch (actor) {
            case ANY -> true;
            case PERSON -> before(m, subjects) == Kind.PERSON;
            case NOT_SYSTEM -> before(m, subjects) != Kind.SYSTEM;
            case PERSON_OR_NONE -> {
                Kind kind = before(m, subjects);
                yield kind == Kind.PERSON || kind == Kind.NONE;
            }
            case CLAUSE_PERSON -> subjects.ofClause(subjects.indexAt(m.start())) == Kind.PERSON;
            case SUBJECT_GROUP -> subject(m, subjects).kind() == Kind.PERSON;
        };
    }

    private static Subjects.NounPhrase subject(Matcher m, Subjects subjects) {
        return subjects.after(subjects.indexAt(m.start("subj")));
    }

    private static Kind before(Matcher m, Subjects subjects) {
        return subjects.before(subjects.indexAt(m.start()));
    }

    /** The finding for an accepted match; it extends to the end of the subject when that comes last. */
    BlameFinding finding(Matcher m, Subjects subjects, String text) {
        int end = actor == Actor.SUBJECT_GROUP ? Math.max(m.end(), subject(m, subjects).end()) : m.end();
        return new BlameFinding(m.start(), end, family, message.formatted(phrase(text.substring(m.start(), end))),
                suggestion.apply(m));
    }

    /** The matched text as quoted in a message: whitespace collapsed, long phrases shortened. */
    static String phrase(String matched) {
        String phrase = matched.strip().replaceAll("\\s+", " ");
        return phrase.length() <= MAX_PHRASE ? phrase : phrase.substring(0, MAX_PHRASE - 1).strip() + "…";
    }
}
