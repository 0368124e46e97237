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
    private final Cast cast;
    /** Where the noun phrase last classified starts and ends in the text (-1 when none was). */
    private int phraseStart = -1;
    private int phraseEnd = -1;

    Subjects(List<Token> tokens) {
        this(tokens, Cast.NONE);
    }

    Subjects(List<Token> tokens, Cast cast) {
        this.tokens = tokens;
        this.cast = cast;
        int words = 0;
        int capitalised = 0;
        for (Token t : tokens) {
            if (t.isWord() && t.text().length() > 3) {
                words++;
                capitalised += Character.isUpperCase(t.text().charAt(0)) ? 1 : 0;
            }
        }
        this.titleCase = words >= 3 && capitalised * 10 >= words * 6;
    }

    /** Whether most words are capitalised ("Why Automation Didn't Catch This"): then capitals tell nothing. */
    private final boolean titleCase;

    private static final Set<String> STATES = Set.of("having", "being", "needing", "lacking", "owning", "holding",
            "sharing", "using", "not");

    /**
     * Whether the noun phrase last classified is followed (past adverbs) by a verb of state: "the developers
     * generally only having one environment" is a condition, not an act.
     */
    boolean stateFollows() {
        int k = 0;
        while (k < tokens.size() && tokens.get(k).start() < phraseEnd) {
            k++;
        }
        while (k < tokens.size() && (isAdverb(tokens.get(k)) || tokens.get(k).lower().equals("only"))) {
            k++;
        }
        return phraseEnd >= 0 && k < tokens.size() && STATES.contains(tokens.get(k).lower());
    }

    /** The text of the noun phrase last classified ("the on-call engineer", "Dana"), or null. */
    String lastPhrase(String text) {
        if (phraseStart < 0 || phraseEnd <= phraseStart || phraseEnd > text.length()) {
            return null;
        }
        return text.substring(phraseStart, phraseEnd);
    }

    private void saw(int firstToken, int lastToken) {
        if (firstToken < 0 || lastToken < firstToken || lastToken >= tokens.size()) {
            phraseStart = -1;
            phraseEnd = -1;
            return;
        }
        phraseStart = tokens.get(firstToken).start();
        phraseEnd = tokens.get(lastToken).end();
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
        saw(-1, -1);
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
        saw(-1, -1);
        for (int k = at - 1; k >= 0; k--) {
            String w = tokens.get(k).lower();
            if (CLAUSE_BREAKS.contains(w) || CLAUSE_OPENERS.contains(w)) {
                break;
            }
            if (isSubjectCandidate(k)) {
                return phraseEndingAt(k);
            }
            if (w.equals("to") && k + 2 == at && k > 0 && isNominal(tokens.get(k - 1)) && at < tokens.size()
                    && Lexicon.DETERMINERS.contains(tokens.get(at).lower())) {
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
        saw(-1, -1);
        int k = at;
        boolean ours = false; // "our team", "my change": the writers'
        while (k < tokens.size() && isPhraseOpener(k)) {
            ours |= tokens.get(k).lower().equals("our") || tokens.get(k).lower().equals("my");
            k++;
        }
        int first = k;
        Kind head = Kind.UNKNOWN; // the last word we recognise; a trailing bare verb ("ship") is unknown
        Kind owner = Kind.UNKNOWN;
        int end = -1;
        for (int n = 0; k < tokens.size() && n < MAX_PHRASE && isNominal(tokens.get(k)); k++, n++) {
            Token t = tokens.get(k);
            if (n > 0 && (t.lower().endsWith("ing") || Character.isDigit(t.text().charAt(0))
                    || Lexicon.isPersonalPronoun(t.lower()))) {
                break; // "Pavel disabling …", "… wait 40 minutes", "the protections we put in place"
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
            if ((kind.isPersonal() && !Lexicon.isRole(t.bare())) || Lexicon.THING_PRONOUNS.contains(t.bare())) {
                saw(first, k);
                return new NounPhrase(kind, end); // a pronoun, name or handle is a whole noun phrase
            }
            if (kind == Kind.PERSON && k > first && isSoftwareOperator(t, tokens.get(k - 1))) {
                kind = Kind.SYSTEM; // "Nginx Proxy Manager"
            }
            if (kind != Kind.UNKNOWN) {
                head = head == Kind.SYSTEM && kind == Kind.MAYBE ? Kind.SYSTEM : kind; // "V-Pipe Scout": a product
            } else if (head == Kind.MAYBE) {
                head = Kind.UNKNOWN; // "Discord permissions issues": the last word heads the phrase
            }
            saw(first, k);
        }
        Kind kind = head == Kind.UNKNOWN ? owner : head;
        if (kind == Kind.UNKNOWN && owner == Kind.UNKNOWN && end > 0 && decisionOwned(first, k)) {
            kind = Kind.MAYBE; // "jdoe's decision": a decision is someone's
        }
        return new NounPhrase(ours && kind == Kind.PERSON && isGroup(k - 1) ? Kind.SELF : kind, end);
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
                return !after(cause).kind().isPersonal();
            }
            if (w.equals("due") && tokens.get(k + 1).lower().equals("to") && isPhraseOpener(k + 2)) {
                return !after(k + 2).kind().isPersonal();
            }
        }
        return false;
    }

    /** What token {@code k} refers to; "they" takes the kind of the plural noun or group it stands for. */
    private Kind classify(int k) {
        if (!PLURAL_PRONOUNS.contains(tokens.get(k).lower())) {
            Kind kind = cast.classify(tokens.get(k));
            if (cast.properNouns() != null) {
                return tagged(k, kind);
            }
            if (kind == Kind.MAYBE && (titleCase || tokens.get(k).initial() && !verbFollows(k)
                    && !tokens.get(k).isPossessive())) {
                return Kind.UNKNOWN; // a heading in Title Case, or "Mismatch between …" opening a sentence
            }
            return kind;
        }
        for (int i = k - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            Kind kind = cast.classify(t);
            if (kind == Kind.PERSON && !PLURAL_PRONOUNS.contains(t.lower())) {
                return Kind.PERSON; // "the developers …", "QA …", "Sam and Ana …"
            }
            if (isNominal(t) && isPlural(t.lower())) {
                return Kind.SYSTEM; // "the pods … because they …"
            }
        }
        return Kind.PERSON;
    }

    private static final Set<String> GROUPS = Set.of("team", "teams", "group", "org", "organisation", "organization",
            "company", "staff", "side", "folks", "people", "engineers", "developers");

    /** Whether token {@code k} names a group: "our team" is the writers, "our DBA" is not. */
    private boolean isGroup(int k) {
        return k >= 0 && k < tokens.size() && GROUPS.contains(tokens.get(k).lower());
    }

    private static final Set<String> DECISIONS = Set.of("decision", "choice", "call", "judgment", "judgement",
            "oversight", "mistake", "negligence", "error", "fault");

    /** Whether the phrase {@code [first, end)} is an unknown word's decision: "jdoe's decision". */
    private boolean decisionOwned(int first, int end) {
        for (int i = first; i + 1 < end && i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isPossessive() && tokens.get(i).isWord() && DECISIONS.contains(tokens.get(i + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    private boolean[] proper;

    /** With a tagger: a capitalised word is a possible name only where it tags a proper noun. */
    private Kind tagged(int k, Kind kind) {
        if (proper == null) {
            List<String> words = new java.util.ArrayList<>(tokens.size());
            for (Token t : tokens) {
                words.add(t.text());
            }
            proper = cast.properNouns().tag(words);
        }
        Token t = tokens.get(k);
        boolean capitalised = !t.text().isEmpty() && Character.isUpperCase(t.text().charAt(0));
        if (kind == Kind.MAYBE) {
            return proper[k] && !titleCase ? Kind.MAYBE : Kind.UNKNOWN;
        }
        if (kind == Kind.UNKNOWN && capitalised && proper[k] && !titleCase && t.isWord()
                && !Lexicon.ACRONYM_LIKE.matcher(t.text()).matches()) {
            return Kind.MAYBE;
        }
        return kind;
    }

    /** Whether a verb follows token {@code k} (past adverbs): "Tariq pushed", "Olu should". */
    private boolean verbFollows(int k) {
        int n = k + 1;
        while (n < tokens.size() && isAdverb(tokens.get(n))) {
            n++;
        }
        if (n >= tokens.size()) {
            return false;
        }
        String w = tokens.get(n).lower();
        return tokens.get(n).text().equals(w) && (Lexicon.AUXILIARIES.contains(w) || Lexicon.isPastTense(w));
    }

    private static boolean isPlural(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("'s")
                && !Lexicon.isPersonalPronoun(word) && !Lexicon.THING_PRONOUNS.contains(word);
    }

    private static boolean isName(Token t, Kind kind) {
        return (kind == Kind.PERSON || kind == Kind.MAYBE) && !Lexicon.isRole(t.bare())
                && !Lexicon.isPersonalPronoun(t.bare())
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
        if (kind == Kind.MAYBE) {
            for (int i = start; i < end; i++) {
                if (classify(i) == Kind.SYSTEM) {
                    kind = Kind.SYSTEM; // "the V-Pipe Scout", "the Voice PE": a product's name
                }
            }
        }
        if (start > 0 && Lexicon.DETERMINERS.contains(tokens.get(start - 1).lower())) {
            start--;
            String det = tokens.get(start).lower();
            if (kind == Kind.MAYBE && !det.equals("our") && !det.equals("my") && !det.equals("their")) {
                kind = Kind.UNKNOWN; // "the Hub", "a Falcon": a name after an article is a thing's
            }
            if (kind == Kind.PERSON && (det.equals("our") || det.equals("my")) && isGroup(end)) {
                kind = Kind.SELF; // "our team", "my team"; "our DBA" is someone else
            }
        }
        saw(start, end);
        int link = start - 1;
        if (link >= 1 && isLink(tokens.get(link)) && isNominal(tokens.get(link - 1))) {
            Kind outer = phraseEndingAt(link - 1);
            if (outer != Kind.UNKNOWN || kind == Kind.MAYBE) {
                return outer; // "Large multisends on the Hub": the multisends act, whatever the Hub is
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
                && cast.classify(t).isPersonal();
        return (Lexicon.AUXILIARIES.contains(w) && !w.equals("not")) || (lowerCase && Lexicon.isPastTense(w))
                || presentTense;
    }

    /** Kinds of software a "manager" may be: "the package manager", "Secrets Manager". */
    private static final Set<String> MANAGED = Set.of("package", "packages", "proxy", "secret", "secrets",
            "certificate", "certificates", "cert", "window", "task", "process", "resource", "connection", "session",
            "cluster", "node", "device", "config", "configuration", "dependency", "state", "network", "volume",
            "storage", "key", "password", "credential", "credentials", "service", "container", "deployment",
            "identity", "access", "policy", "file", "display", "boot", "power", "memory", "version", "plugin");

    /**
     * "the Strimzi operator", "the Postgres operator": a Kubernetes operator, not a person; "the package manager",
     * "Nginx Proxy Manager": software, not a person.
     */
    private static boolean isSoftwareOperator(Token head, Token modifier) {
        String h = head.bare();
        if (h.startsWith("operator")) {
            return !Lexicon.isRole(modifier.bare());
        }
        return h.startsWith("manager") && (MANAGED.contains(modifier.bare())
                || Character.isUpperCase(modifier.text().charAt(0)) && !Lexicon.isRole(modifier.bare()));
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
        if (Lexicon.isPersonalPronoun(w) || Lexicon.THING_PRONOUNS.contains(w)) {
            return true;
        }
        boolean lowerCase = t.text().equals(t.text().toLowerCase());
        return !Lexicon.isFunctionWord(w) && !(lowerCase && (Lexicon.isAdverb(w) || Lexicon.isPastTense(w)));
    }
}
