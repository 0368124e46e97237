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

    /** For each rule, the sets of words it is triggered by ({@link LazyPattern#triggers}). */
    private static final List<List<Set<String>>> RULE_WORDS = ruleTriggers();
    private static final Prefilter RULE_FILTER = new Prefilter(RULE_WORDS);
    private static final Prefilter REJECTION_FILTER = new Prefilter(rejectionTriggers());

    private static List<List<Set<String>>> ruleTriggers() {
        List<List<Set<String>>> out = new ArrayList<>(BlameRules.ALL.size());
        for (BlameRule r : BlameRules.ALL) {
            out.add(r.regex().triggers());
        }
        return out;
    }

    private static List<List<Set<String>>> rejectionTriggers() {
        List<List<Set<String>>> out = new ArrayList<>(BlameRules.REJECTIONS.size());
        for (LazyPattern p : BlameRules.REJECTIONS) {
            out.add(p.triggers());
        }
        return out;
    }

    /**
     * For each rule that {@link BlameRule#readsBack reads back}, by rule: the words of its leading word's
     * requirement and of its other one, as the prefilter marks them; null for the other rules.
     */
    private static final boolean[][] LEADING_WORD = new boolean[BlameRules.ALL.size()][];
    private static final boolean[][] WORDS_BEFORE = new boolean[BlameRules.ALL.size()][];

    static {
        for (int i = 0; i < BlameRules.ALL.size(); i++) {
            BlameRule rule = BlameRules.ALL.get(i);
            if (rule.readsBack() <= 0) {
                continue;
            }
            List<Set<String>> words = RULE_WORDS.get(i);
            String regex = rule.regex().regex();
            int lead = -1;
            for (int k = 0; k < words.size(); k++) {
                if (words.get(k).stream().allMatch(w -> regex.startsWith("\\b" + w.strip()))) {
                    lead = k;
                }
            }
            if (words.size() != 2 || lead < 0) {
                throw new IllegalStateException("a rule that reads back needs a leading word and one other "
                        + "requirement: " + regex);
            }
            LEADING_WORD[i] = RULE_FILTER.marks(words.get(lead));
            WORDS_BEFORE[i] = RULE_FILTER.marks(words.get(1 - lead));
        }
    }

    private final List<Pattern> extraPhrases;
    private final List<Pattern> allowedPhrases;
    private final boolean wordOrder;

    /**
     * @param extraPhrases   phrases that are always flagged (family {@code custom}), case-insensitive
     * @param allowedPhrases phrases that, when present in a sentence, drop every finding of that sentence
     */
    public BlameDetector(List<String> extraPhrases, List<String> allowedPhrases) {
        this(extraPhrases, allowedPhrases, true);
    }

    /**
     * @param wordOrder whether to skip a rule that {@link BlameRule#readsBack reads back} where its words are
     *                  not in order, and to start matching it at its leading word (tests compare both)
     */
    BlameDetector(List<String> extraPhrases, List<String> allowedPhrases, boolean wordOrder) {
        this.extraPhrases = literals(extraPhrases);
        this.allowedPhrases = literals(allowedPhrases);
        this.wordOrder = wordOrder;
    }

    public BlameDetector() {
        this(List.of(), List.of());
    }

    public List<BlameFinding> find(String text) {
        return find(text, Cast.NONE);
    }

    /** The findings in a paragraph of a file whose people and programs {@code cast} knows. */
    public List<BlameFinding> find(String text, Cast cast) {
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
                findings.addAll(inSentence(text, masked, sentence, can, ruleHits, cast));
            }
        }
        return findings;
    }

    /**
     * The rules that may match in {@code [start, end)} of the text the hits are of: those whose words all
     * occur there, less those that read back where their words are not in that order; null when none may.
     */
    private boolean[] candidates(Prefilter.Hits hits, int start, int end) {
        if (!RULE_FILTER.anyAlways() && !hits.any(start, end)) {
            return null; // no word of any rule there: most table cells and sentences
        }
        boolean[] can = hits.candidates(start, end);
        for (int i = 0; i < can.length; i++) {
            if (can[i] && wordOrder && LEADING_WORD[i] != null
                    && !hits.precedes(WORDS_BEFORE[i], LEADING_WORD[i], start, end, BlameRules.ALL.get(i).readsBack())) {
                can[i] = false;
            }
        }
        for (boolean c : can) {
            if (c) {
                return can;
            }
        }
        return null;
    }

    /**
     * The findings in one sentence. It is matched as a string of its own, which is matching the region of the
     * text with opaque bounds, at offsets that start at the sentence's; the findings are moved back to the
     * text's. On its own, a rule that reads back can start looking where its leading word first occurs, as
     * the prefilter found, rather than testing every character before it (the "because" rule's {@code \b}
     * costs most there): with transparent bounds, its look-behinds still see the whole sentence and nothing
     * beyond it, so it finds the same matches.
     *
     * @param can  the rules that may match in the sentence ({@link #candidates}), or null for none
     * @param hits the prefilter's hits in {@code masked}
     */
    private List<BlameFinding> inSentence(String text, String masked, Sentences.Span sentence, boolean[] can,
            Prefilter.Hits hits, Cast cast) {
        int base = sentence.start();
        String own = text.substring(base, sentence.end());
        String ownMasked = masked == text ? own : masked.substring(base, sentence.end());
        List<BlameFinding> candidates = new ArrayList<>();
        for (Pattern phrase : extraPhrases) {
            Matcher m = phrase.matcher(own);
            while (m.find()) {
                candidates.add(new BlameFinding(m.start(), m.end(), CUSTOM,
                        "\"%s\" is on this project's list of blaming phrases".formatted(BlameRule.phrase(m.group())),
                        CUSTOM_SUGGESTION, BlameFinding.Certainty.SURE));
            }
        }
        if (can != null && !rejected(ownMasked)) {
            // only the rules whose literal words occur in the sentence can match; subjects are read on demand
            Subjects subjects = null;
            for (int i = 0; i < BlameRules.ALL.size(); i++) {
                if (!can[i]) {
                    continue;
                }
                BlameRule rule = BlameRules.ALL.get(i);
                Matcher m = rule.pattern().matcher(ownMasked);
                int lead = LEADING_WORD[i] == null || !wordOrder ? -1
                        : hits.firstOf(LEADING_WORD[i], base, sentence.end()) - base;
                if (lead > 0) {
                    m.region(lead, ownMasked.length()).useTransparentBounds(true).useAnchoringBounds(false);
                }
                while (m.find()) {
                    if (subjects == null) {
                        subjects = new Subjects(Token.tokenize(ownMasked, 0, ownMasked.length()), cast);
                    }
                    BlameRule.Verdict verdict = rule.judge(m, subjects, own);
                    if (verdict != null) {
                        candidates.add(rule.finding(m, subjects, own, verdict));
                    }
                }
            }
        }
        List<BlameFinding> kept = oneEach(candidates);
        kept.replaceAll(f -> f.movedBy(base));
        return kept;
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

    /** Whether a sentence (as a string of its own) rejects blame, which drops its built-in findings. */
    private static boolean rejected(String sentence) {
        boolean[] can = REJECTION_FILTER.scan(sentence).candidates(0, sentence.length());
        for (int i = 0; i < BlameRules.REJECTIONS.size(); i++) {
            if (can[i] && BlameRules.REJECTIONS.get(i).get().matcher(sentence).find()) {
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
