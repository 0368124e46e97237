package pm.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds language that blames a person in a paragraph of prose.
 *
 * <p>The text is split into sentences; quoted passages and {@code git blame} are ignored; each sentence is
 * matched against {@link BlameRules#ALL}, whose conditions on the acting subject keep systems ("the job
 * failed to start") from being flagged. A sentence that rejects blame ("human error is not a root cause")
 * yields no built-in findings. Each sentence reports each family at most once.
 */
public final class BlameDetector {

    private static final String CUSTOM = "custom";
    private static final String CUSTOM_SUGGESTION =
            "Rephrase around the system: what allowed this to happen, and what would have caught it?";

    private static final Prefilter RULE_FILTER =
            new Prefilter(BlameRules.ALL.stream().map(r -> LiteralIndex.requiredAll(r.regex())).toList());
    private static final Prefilter REJECTION_FILTER =
            new Prefilter(BlameRules.REJECTIONS.stream().map(LiteralIndex::requiredAll).toList());

    /**
     * The rule "… failed because Bob deployed …" reads its event word with a look-behind from each "because":
     * the word must start at most ~90 characters before it (80 between them, the longest word, "because"
     * itself; {@code BecauseRuleTest} finds the reach). Most sentences with "because" and an event word have
     * the word after it, or far before; the prefilter's hits tell that without the regular expression, which
     * costs ~6 µs a sentence. -1 when the rule is not found in the shape this relies on.
     */
    static final int BECAUSE_RULE;
    static final int EVENT_REACH = 128;
    private static final boolean[] BECAUSE_WORD;
    private static final boolean[] EVENT_WORDS;

    static {
        int rule = -1;
        boolean[] because = null;
        boolean[] events = null;
        for (int i = 0; i < BlameRules.ALL.size(); i++) {
            String regex = BlameRules.ALL.get(i).regex().regex();
            List<Set<String>> req = LiteralIndex.requiredAll(regex);
            if (regex.startsWith("\\bbecause(?<!\\bnot\\sbecause)(?<=\\b") && regex.indexOf("(?<=", 30) < 0
                    && req.size() == 2 && req.get(0).equals(Set.of("because "))) {
                rule = i;
                because = RULE_FILTER.marks(req.get(0));
                events = RULE_FILTER.marks(req.get(1));
            }
        }
        BECAUSE_RULE = rule;
        BECAUSE_WORD = because;
        EVENT_WORDS = events;
    }

    private final List<Pattern> extraPhrases;
    private final List<Pattern> allowedPhrases;
    private final boolean eventOrder;

    /**
     * @param extraPhrases   phrases that are always flagged (family {@code custom}), case-insensitive
     * @param allowedPhrases phrases that, when present in a sentence, drop every finding of that sentence
     */
    public BlameDetector(List<String> extraPhrases, List<String> allowedPhrases) {
        this(extraPhrases, allowedPhrases, true);
    }

    /** @param eventOrder whether to skip {@link #BECAUSE_RULE} by its words' order (tests compare both) */
    BlameDetector(List<String> extraPhrases, List<String> allowedPhrases, boolean eventOrder) {
        this.extraPhrases = literals(extraPhrases);
        this.allowedPhrases = literals(allowedPhrases);
        this.eventOrder = eventOrder;
    }

    public BlameDetector() {
        this(List.of(), List.of());
    }

    public List<BlameFinding> find(String text) {
        // the words are looked for in the text as written; where it may hold a quotation, again once it is blanked
        Prefilter.Hits ruleHits = RULE_FILTER.scan(text, true);
        String masked = text;
        if (ruleHits.mayHoldQuotes() || RULE_FILTER.anyAlways() && QuoteMask.mayMatch(text)) {
            masked = QuoteMask.apply(text);
            ruleHits = RULE_FILTER.scan(masked);
        }
        boolean onlyFiltered = extraPhrases.isEmpty() && !RULE_FILTER.anyAlways(); // every rule needs a word
        if (onlyFiltered && candidates(ruleHits, 0, masked.length()) == null) {
            return List.of(); // no rule has all its words anywhere: most paragraphs, table cells and items
        }
        List<BlameFinding> findings = new ArrayList<>();
        for (Sentences.Span sentence : Sentences.split(text)) {
            boolean[] can = candidates(ruleHits, sentence.start(), sentence.end());
            if (onlyFiltered && can == null) {
                continue;
            }
            if (!containsAny(allowedPhrases, text, sentence)) {
                findings.addAll(inSentence(text, masked, sentence, can));
            }
        }
        return findings;
    }

    /**
     * The rules that may match in {@code [start, end)} of the text the hits are of: those whose words all
     * occur there, less the because rule where its event word does not come shortly before a "because"; null
     * when none may.
     */
    private boolean[] candidates(Prefilter.Hits hits, int start, int end) {
        if (!RULE_FILTER.anyAlways() && !hits.any(start, end)) {
            return null; // no word of any rule there: most table cells and sentences
        }
        boolean[] can = hits.candidates(start, end);
        if (BECAUSE_RULE >= 0 && eventOrder && can[BECAUSE_RULE]
                && !hits.precedes(EVENT_WORDS, BECAUSE_WORD, start, end, EVENT_REACH)) {
            can[BECAUSE_RULE] = false;
        }
        for (boolean c : can) {
            if (c) {
                return can;
            }
        }
        return null;
    }

    /** @param can the rules that may match in the sentence ({@link #candidates}), or null for none */
    private List<BlameFinding> inSentence(String text, String masked, Sentences.Span sentence, boolean[] can) {
        List<BlameFinding> candidates = new ArrayList<>();
        for (Pattern phrase : extraPhrases) {
            Matcher m = phrase.matcher(text).region(sentence.start(), sentence.end());
            while (m.find()) {
                candidates.add(new BlameFinding(m.start(), m.end(), CUSTOM,
                        "\"%s\" is on this project's list of blaming phrases".formatted(BlameRule.phrase(m.group())),
                        CUSTOM_SUGGESTION));
            }
        }
        if (can != null && !rejected(masked, sentence)) {
            // only the rules whose literal words occur in the sentence can match; subjects are read on demand
            Subjects subjects = null;
            for (int i = 0; i < BlameRules.ALL.size(); i++) {
                if (!can[i]) {
                    continue;
                }
                BlameRule rule = BlameRules.ALL.get(i);
                Matcher m = rule.pattern().matcher(masked).region(sentence.start(), sentence.end());
                while (m.find()) {
                    if (subjects == null) {
                        subjects = new Subjects(Token.tokenize(masked, sentence.start(), sentence.end()));
                    }
                    if (rule.accepts(m, subjects)) {
                        candidates.add(rule.finding(m, subjects, text));
                    }
                }
            }
        }
        return oneEach(candidates);
    }

    /** Keeps the first finding of each family, skipping any that overlap a finding already kept. */
    private static List<BlameFinding> oneEach(List<BlameFinding> candidates) {
        List<BlameFinding> kept = new ArrayList<>();
        Set<String> families = new HashSet<>();
        for (BlameFinding f : candidates) {
            boolean overlaps = false;
            for (BlameFinding k : kept) {
                overlaps |= f.start() < k.end() && k.start() < f.end();
            }
            if (!overlaps && families.add(f.family())) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(BlameFinding::start));
        return kept;
    }

    private static boolean rejected(String masked, Sentences.Span sentence) {
        // the sentence alone is scanned: a word lies within it there exactly when it does in the whole text
        String part = masked.substring(sentence.start(), sentence.end());
        boolean[] can = REJECTION_FILTER.scan(part).candidates(0, part.length());
        for (int i = 0; i < BlameRules.REJECTIONS.size(); i++) {
            if (can[i] && BlameRules.REJECTIONS.get(i).get().matcher(masked).region(sentence.start(), sentence.end())
                    .find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(List<Pattern> patterns, String text, Sentences.Span sentence) {
        for (Pattern p : patterns) { // usually none: a loop, not a stream, for every sentence
            if (p.matcher(text).region(sentence.start(), sentence.end()).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> literals(List<String> phrases) {
        return phrases.stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(p -> BlameRules.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(p) + "(?![\\p{L}\\p{N}])"))
                .toList();
    }
}
