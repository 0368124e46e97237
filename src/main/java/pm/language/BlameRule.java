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
                 boolean excusable, int readsBack, boolean selfBlame, boolean explicit) {

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
        return new BlameRule(family, regex, actor, message, suggestion, true, readsBack, selfBlame, explicit);
    }

    /**
     * The same rule, declared to read back: every match begins with the word it requires first ("because"),
     * and a look-behind there needs one of its other required words to start at most {@code reach} characters
     * before that word. {@link BlameDetector} then skips the rule where its words do not occur in that order,
     * which it tells from the prefilter's hits without running the expression.
     */
    BlameRule readsBack(int reach) {
        return new BlameRule(family, regex, actor, message, suggestion, excusable, reach, selfBlame, explicit);
    }

    /** The same rule, triggered by these sets of words ({@link LazyPattern#when}). */
    @SafeVarargs
    final BlameRule when(java.util.Set<String>... sets) {
        return new BlameRule(family, regex.when(sets), actor, message, suggestion, excusable, readsBack, selfBlame,
                explicit);
    }

    /**
     * The same rule, silent when the writers say it of themselves: "we did not anticipate the load" describes
     * their work plainly, where "Dana did not anticipate the load" points at her.
     */
    BlameRule plainForWriters() {
        return new BlameRule(family, regex, actor, message, suggestion, excusable, readsBack, false, explicit);
    }

    /**
     * The same rule, whose words state a fact that can read as blame ("the sysadmins were not aware of …"): said of
     * a person it is a warning, never an error.
     */
    BlameRule implicit() {
        return new BlameRule(family, regex, actor, message, suggestion, excusable, readsBack, selfBlame, false);
    }

    /** The compiled expression (compiled on first use). */
    Pattern pattern() {
        return regex.get();
    }

    /** Who a match blames, as far as pm can tell. */
    enum Who {
        /** A person other than the writers, named or described: a finding at the rule's severity. */
        PERSON,
        /** The writers themselves: a warning with a kind rewrite. */
        SELF,
        /** Probably a person, but pm cannot tell who, or whether it is one: a warning saying so. */
        UNSURE
    }

    /** A match accepted: who it blames, and the words that name them (or null). */
    record Verdict(Who who, String agent) {
    }

    /**
     * Whether a match blames someone, and whom; null when it does not (a program acts, or the writers describe
     * their own work plainly).
     */
    Verdict judge(Matcher m, Subjects subjects, String text) {
        if (excusable && subjects.impersonalCauseAfter(subjects.indexAt(m.end()))) {
            return null;
        }
        Kind kind = switch (actor) {
            case ANY -> owner(m, subjects);
            case PERSON, NOT_SYSTEM, PERSON_OR_NONE -> before(m, subjects);
            case CLAUSE_PERSON -> subjects.ofClause(subjects.indexAt(m.start()));
            case SUBJECT_GROUP -> subject(m, subjects).kind();
        };
        String agent = subjects.lastPhrase(text);
        if (actor == Actor.SUBJECT_GROUP && kind.isPersonal() && subjects.stateFollows()) {
            return null; // "due to the developers only having one environment": a condition, not a failing
        }
        return switch (kind) {
            case PERSON -> new Verdict(explicit ? Who.PERSON : Who.UNSURE, agent);
            case SELF -> selfBlame ? new Verdict(Who.SELF, agent) : null;
            case SYSTEM -> actor == Actor.ANY ? (family.equals(BlameRules.CHARACTER) ? behind(agent)
                    : family.equals(BlameRules.INSULT) ? null : unsureOrSure()) : null;
            case MAYBE -> new Verdict(Who.UNSURE, agent);
            case UNKNOWN, NONE -> actor == Actor.ANY ? unsureOrSure()
                    : actor == Actor.NOT_SYSTEM ? new Verdict(Who.UNSURE, agent) : null;
        };
    }

    /** A judgment of a thing ("the deploy was careless"): it points at the people behind it, unsure who. */
    private static Verdict behind(String agent) {
        return new Verdict(Who.UNSURE, agent == null ? null : "\u0000" + agent);
    }

    /** A phrase that blames whoever it is said of ("human error", "who approved this?") is sure; others are not. */
    private Verdict unsureOrSure() {
        return new Verdict(family.equals(BlameRules.HUMAN_ERROR) || family.equals(BlameRules.QUESTION)
                || family.equals(BlameRules.INSULT) ? Who.PERSON : Who.UNSURE, null);
    }

    private static final Pattern SELF_WORD = Pattern.compile("(?i)\\b(?:my|our|me|us|i|we)\\b");
    private static final Pattern OTHER_WORD = Pattern.compile("(?i)\\b(?:his|her|their|him|them|your)\\b");

    /** Whose is a phrase that judges by itself: a possessive in it ("my fault"), else the clause's subject. */
    private static Kind owner(Matcher m, Subjects subjects) {
        String matched = m.group();
        if (SELF_WORD.matcher(matched).find()) {
            return Kind.SELF;
        }
        if (OTHER_WORD.matcher(matched).find()) {
            return Kind.PERSON;
        }
        return subjects.ofClause(subjects.indexAt(m.start()));
    }

    private static Subjects.NounPhrase subject(Matcher m, Subjects subjects) {
        return subjects.after(subjects.indexAt(m.start("subj")));
    }

    private static Kind before(Matcher m, Subjects subjects) {
        return subjects.before(subjects.indexAt(m.start()));
    }

    /** The finding for an accepted match; it extends to the end of the subject when that comes last. */
    BlameFinding finding(Matcher m, Subjects subjects, String text, Verdict verdict) {
        int end = actor == Actor.SUBJECT_GROUP ? Math.max(m.end(), subject(m, subjects).end()) : m.end();
        String quoted = phrase(text.substring(m.start(), end));
        String said = message.formatted(quoted);
        String suggested = suggestion.apply(m);
        BlameFinding.Certainty certainty;
        switch (verdict.who()) {
            case PERSON -> {
                certainty = BlameFinding.Certainty.SURE;
                String agent = verdict.agent() == null ? null : phrase(verdict.agent());
                if (agent != null && !quoted.contains(agent)) {
                    said = said.replace(" a person's ", " " + agent + "'s ").replace(" a person ", " " + agent + " ");
                }
            }
            case SELF -> {
                certainty = BlameFinding.Certainty.SELF;
                said = said.replace(" a person's ", " your own ").replace(" a person ", " yourselves ")
                        .replace(" people ", " yourselves ") + " (self-blame)";
                suggested = BlameRules.KIND_TO_YOURSELF;
            }
            default -> {
                certainty = BlameFinding.Certainty.UNSURE;
                String agent = verdict.agent();
                if (agent != null && agent.startsWith("\u0000")) {
                    said = said.replace(" a person's ", " the work of whoever did ").replace(" a person ",
                            " whoever did ") + ": said of " + phrase(agent.substring(1)) + ", it still points at people";
                } else {
                    said = said + (!explicit ? "; it may only state a fact, but it reads as blame"
                            : agent == null ? "; pm cannot tell who is meant"
                            : "; pm cannot tell whether '" + phrase(agent) + "' is a person or a program");
                }
            }
        }
        return new BlameFinding(m.start(), end, family, said, suggested, certainty);
    }

    /** The matched text as quoted in a message: whitespace collapsed, long phrases shortened. */
    static String phrase(String matched) {
        String phrase = matched.strip().replaceAll("\\s+", " ");
        return phrase.length() <= MAX_PHRASE ? phrase : phrase.substring(0, MAX_PHRASE - 1).strip() + "…";
    }
}
