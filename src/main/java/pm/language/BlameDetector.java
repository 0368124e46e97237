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

    private final List<Pattern> extraPhrases;
    private final List<Pattern> allowedPhrases;

    /**
     * @param extraPhrases   phrases that are always flagged (family {@code custom}), case-insensitive
     * @param allowedPhrases phrases that, when present in a sentence, drop every finding of that sentence
     */
    public BlameDetector(List<String> extraPhrases, List<String> allowedPhrases) {
        this.extraPhrases = literals(extraPhrases);
        this.allowedPhrases = literals(allowedPhrases);
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
        if (onlyFiltered && !ruleHits.anyCandidate(0, masked.length())) {
            return List.of(); // no rule has all its words anywhere: most paragraphs, table cells and items
        }
        List<BlameFinding> findings = new ArrayList<>();
        for (Sentences.Span sentence : Sentences.split(text)) {
            if (onlyFiltered && !ruleHits.anyCandidate(sentence.start(), sentence.end())) {
                continue;
            }
            if (!containsAny(allowedPhrases, text, sentence)) {
                findings.addAll(inSentence(text, masked, sentence, ruleHits));
            }
        }
        return findings;
    }

    private List<BlameFinding> inSentence(String text, String masked, Sentences.Span sentence,
            Prefilter.Hits ruleHits) {
        List<BlameFinding> candidates = new ArrayList<>();
        for (Pattern phrase : extraPhrases) {
            Matcher m = phrase.matcher(text).region(sentence.start(), sentence.end());
            while (m.find()) {
                candidates.add(new BlameFinding(m.start(), m.end(), CUSTOM,
                        "\"%s\" is on this project's list of blaming phrases".formatted(BlameRule.phrase(m.group())),
                        CUSTOM_SUGGESTION));
            }
        }
        if (!rejected(masked, sentence)) {
            // only the rules whose literal words occur in the sentence can match; subjects are read on demand
            boolean[] can = ruleHits.candidates(sentence.start(), sentence.end());
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
