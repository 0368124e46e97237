package pm.language;

import java.util.List;
import java.util.Set;

import pm.language.Lexicon.Kind;

/**
 * Finds who performs an action in one sentence, using word lists instead of a parser: the noun phrase
 * right before a verb, the subject of the clause around an adjunct, or the noun phrase after a cue
 * such as "caused by".
 */
final class Subjects {

    private static final Set<String> CLAUSE_BREAKS = Set.of(";", ":", "(", "[", "-", "–", "—");
    private static final Set<String> CLAUSE_OPENERS = Set.of(
            "because", "when", "if", "although", "though", "while", "since", "unless", "until", "whereas");
    private static final Set<String> PARTITIVES = Set.of("one", "some", "none", "any", "all", "each", "most");
    private static final Set<String> MODALS = Set.of("must", "might", "may", "could", "would", "will");
    private static final Set<String> PLURAL_PRONOUNS = Set.of("they", "them");
    private static final int MAX_PHRASE = 5;

    private final List<Token> tokens;

    Subjects(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Index of the first token that starts at or after {@code offset}. */
    int indexAt(int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() >= offset) {
                return i;
            }
        }
        return tokens.size();
    }

    /** Who performs the verb at token {@code verb}: the noun phrase right before it. */
    Kind before(int verb) {
        int i = verb - 1;
        while (i >= 0 && (isAdverb(tokens.get(i)) || Lexicon.PERFECT_AUXILIARIES.contains(tokens.get(i).lower())
                || (MODALS.contains(tokens.get(i).lower()) && i + 1 < verb))) {
            i--; // "… must have fat-fingered": skip the modal before a perfect
        }
        if (i < 0) {
            return Kind.NONE;
        }
        Token t = tokens.get(i);
        String w = t.lower();
        if (CLAUSE_BREAKS.contains(w)) {
            return Kind.NONE;
        }
        if (w.equals(",") || Lexicon.CONJUNCTIONS.contains(w)) {
            Kind clause = ofClause(i);
            boolean apposition = clause == Kind.NONE && w.equals(",") && i > 0 && isNominal(tokens.get(i - 1));
            return apposition ? phraseEndingAt(i - 1) : clause; // "The on-call SRE, Dmitri, failed to …"
        }
        if (Lexicon.THING_PRONOUNS.contains(w)) {
            return Kind.SYSTEM;
        }
        if ((w.equals("who") || w.equals("that")) && i > 0) {
            return phraseEndingAt(i - 1);
        }
        if (!t.isWord() || Lexicon.isFunctionWord(w)) {
            return Kind.UNKNOWN;
        }
        return phraseEndingAt(i);
    }

    /** The subject of the clause that contains token {@code at}: the nearest noun phrase followed by a verb. */
    Kind ofClause(int at) {
        for (int k = at - 1; k >= 0; k--) {
            String w = tokens.get(k).lower();
            if (CLAUSE_BREAKS.contains(w) || CLAUSE_OPENERS.contains(w)) {
                break;
            }
            if (isSubjectCandidate(k)) {
                return phraseEndingAt(k);
            }
            if (w.equals("to") && k + 2 == at && k > 0 && isNominal(tokens.get(k - 1))) {
                return phraseEndingAt(k - 1); // "causing prow to use the wrong …": prow acts
            }
        }
        return Kind.NONE;
    }

    /** A noun phrase found after a cue: what it refers to and where it ends in the text. */
    record NounPhrase(Kind kind, int end) {
    }

    /**
     * The noun phrase starting at token {@code at} ("the on-call engineer", "Pavel", "Ben's typo"); an owner
     * ("Ben's change") counts only when the head is not recognised.
     */
    NounPhrase after(int at) {
        int k = at;
        while (k < tokens.size() && isPhraseOpener(k)) {
            k++;
        }
        Kind head = Kind.UNKNOWN; // the last word we recognise; a trailing bare verb ("ship") is unknown
        Kind owner = Kind.UNKNOWN;
        int end = -1;
        for (int n = 0; k < tokens.size() && n < MAX_PHRASE && isNominal(tokens.get(k)); k++, n++) {
            Token t = tokens.get(k);
            if (n > 0 && (t.lower().endsWith("ing") || Character.isDigit(t.text().charAt(0)))) {
                break; // "Pavel disabling …", "… wait 40 minutes"
            }
            Kind kind = classify(k);
            if (k > at && isName(t, kind)) {
                kind = Kind.UNKNOWN; // "the ongoing Dust Storm attack": a proper noun, not a person
            }
            end = t.end();
            if (t.isPossessive()) { // "Ben's change": the owner only decides when no head is recognised
                owner = kind == Kind.UNKNOWN ? head : kind;
                head = Kind.UNKNOWN;
                continue;
            }
            if ((kind == Kind.PERSON && !Lexicon.isRole(t.bare())) || Lexicon.THING_PRONOUNS.contains(t.bare())) {
                return new NounPhrase(kind, end); // a pronoun, name or handle is a whole noun phrase
            }
            if (kind != Kind.UNKNOWN) {
                head = kind;
            }
        }
        return new NounPhrase(head == Kind.UNKNOWN ? owner : head, end);
    }

    /**
     * Whether the sentence goes on, after token {@code from}, to give something other than a person as the
     * cause: "… because the alert was routed to a muted channel", "… because there was no dashboard", "… due
     * to a muted alert"; not "… because he was busy" nor "… due to expire".
     */
    boolean impersonalCauseAfter(int from) {
        for (int k = from; k < tokens.size() - 2; k++) {
            String w = tokens.get(k).lower();
            if (w.equals("because")) {
                int cause = tokens.get(k + 1).lower().equals("of") ? k + 2 : k + 1;
                return after(cause).kind() != Kind.PERSON;
            }
            if (w.equals("due") && tokens.get(k + 1).lower().equals("to") && isPhraseOpener(k + 2)) {
                return after(k + 2).kind() != Kind.PERSON;
            }
        }
        return false;
    }

    /** What token {@code k} refers to; "they" takes the kind of the plural noun or group it stands for. */
    private Kind classify(int k) {
        if (!PLURAL_PRONOUNS.contains(tokens.get(k).lower())) {
            return Lexicon.classify(tokens.get(k));
        }
        for (int i = k - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            Kind kind = Lexicon.classify(t);
            if (kind == Kind.PERSON && !PLURAL_PRONOUNS.contains(t.lower())) {
                return Kind.PERSON; // "the developers …", "QA …", "Sam and Ana …"
            }
            if (isNominal(t) && isPlural(t.lower())) {
                return Kind.SYSTEM; // "the pods … because they …"
            }
        }
        return Kind.PERSON;
    }

    private static boolean isPlural(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("'s")
                && !Lexicon.PERSON_PRONOUNS.contains(word) && !Lexicon.THING_PRONOUNS.contains(word);
    }

    private static boolean isName(Token t, Kind kind) {
        return kind == Kind.PERSON && !Lexicon.isRole(t.bare()) && !Lexicon.PERSON_PRONOUNS.contains(t.bare())
                && !t.text().startsWith("@");
    }

    private boolean isPhraseOpener(int k) {
        String w = tokens.get(k).lower();
        return Lexicon.DETERMINERS.contains(w) || PARTITIVES.contains(w)
                || (w.equals("of") && k > 0 && PARTITIVES.contains(tokens.get(k - 1).lower()));
    }

    /**
     * Classifies the noun phrase whose last word is token {@code end}. When the phrase is the object of a
     * preposition or participle ("the person rotating the keys"), the outer phrase decides.
     */
    private Kind phraseEndingAt(int end) {
        int start = end;
        while (start > 0 && isNominal(tokens.get(start - 1))) {
            start--;
        }
        Kind kind = classify(end);
        if (kind == Kind.PERSON && start < end && isSoftwareOperator(tokens.get(end), tokens.get(end - 1))) {
            kind = Kind.SYSTEM;
        }
        if (start > 0 && Lexicon.DETERMINERS.contains(tokens.get(start - 1).lower())) {
            start--;
        }
        int link = start - 1;
        if (link >= 1 && isLink(tokens.get(link)) && isNominal(tokens.get(link - 1))) {
            Kind outer = phraseEndingAt(link - 1);
            if (outer != Kind.UNKNOWN) {
                return outer;
            }
        }
        if (start >= 3 && tokens.get(start - 2).lower().equals("who") && isNominal(tokens.get(start - 3))) {
            return phraseEndingAt(start - 3); // "the developer who wrote the script": the developer acts
        }
        return kind;
    }

    private boolean isSubjectCandidate(int k) {
        Token t = tokens.get(k);
        if (!isNominal(t)) {
            return false;
        }
        int n = k + 1;
        while (n < tokens.size() && isAdverb(tokens.get(n))) {
            n++;
        }
        if (n >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(n);
        String w = next.lower();
        boolean lowerCase = next.text().equals(w);
        boolean presentTense = lowerCase && w.endsWith("s") && !w.endsWith("ss") && !Lexicon.isFunctionWord(w)
                && Lexicon.classify(t) == Kind.PERSON;
        return (Lexicon.AUXILIARIES.contains(w) && !w.equals("not")) || (lowerCase && Lexicon.isPastTense(w))
                || presentTense;
    }

    /** "the Strimzi operator", "the Postgres operator": a Kubernetes operator, not a person. */
    private static boolean isSoftwareOperator(Token head, Token modifier) {
        return head.bare().startsWith("operator") && !Lexicon.isRole(modifier.bare());
    }

    private static boolean isLink(Token t) {
        String w = t.lower();
        return (Lexicon.PREPOSITIONS.contains(w) && !Set.of("by", "to", "than", "as", "like").contains(w))
                || (w.endsWith("ing") && w.length() > 5);
    }

    private static boolean isAdverb(Token t) {
        return Lexicon.isAdverb(t.lower());
    }

    static boolean isNominal(Token t) {
        if (!t.isWord()) {
            return false;
        }
        String w = t.lower();
        if (Lexicon.PERSON_PRONOUNS.contains(w) || Lexicon.THING_PRONOUNS.contains(w)) {
            return true;
        }
        boolean lowerCase = t.text().equals(t.text().toLowerCase());
        return !Lexicon.isFunctionWord(w) && !(lowerCase && (Lexicon.isAdverb(w) || Lexicon.isPastTense(w)));
    }
}
