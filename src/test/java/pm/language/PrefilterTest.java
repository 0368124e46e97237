package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrefilterTest {

    private static Prefilter of(String... regexes) {
        List<List<Set<String>>> requirements = new ArrayList<>();
        for (String r : regexes) {
            requirements.add(Literals.requiredAll(BlameRules.compile(r)));
        }
        return new Prefilter(requirements);
    }

    @Test
    void aPatternIsACandidateOnlyWhereAllItsRequirementsOccur() {
        Prefilter p = of("\\bthis\\s+was\\s+on\\s+(?:me|us)\\b", "\\bcareless\\b", "\\w+ed");
        String text = "This  was\ton me. The deploy was careless. This was fine.";
        Prefilter.Hits hits = p.scan(text);
        assertThat(hits.candidates(0, 16)).containsExactly(true, false, true);
        assertThat(hits.candidates(17, 41)).containsExactly(false, true, true);
        assertThat(hits.candidates(42, text.length())).containsExactly(false, false, true);
    }

    @Test
    void aWordMustLieWhollyInsideTheRange() {
        Prefilter p = of("\\bcareless\\b");
        Prefilter.Hits hits = p.scan("so careless");
        assertThat(hits.candidates(0, 8)).containsExactly(false);
        assertThat(hits.candidates(3, 11)).containsExactly(true);
    }

    /** Every built-in pattern that matches in a sentence of the evaluation sets is a candidate there. */
    @Test
    void neverHidesAMatchOfABuiltInPattern() throws IOException {
        List<Pattern> patterns = BlameRules.ALL.stream().map(BlameRule::pattern).toList();
        Prefilter p = new Prefilter(BlameRules.ALL.stream().map(r -> r.regex().triggers()).toList());
        StringBuilder paragraph = new StringBuilder();
        for (String set : List.of("heldout-blame.tsv", "heldout-final-blame.tsv")) {
            try (InputStream in = PrefilterTest.class.getResourceAsStream("/pm/language/" + set)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("#") && l.indexOf('\t') > 0)
                        .forEach(l -> paragraph.append(l.substring(l.indexOf('\t') + 1)).append("\n"));
            }
        }
        String text = paragraph.toString();
        Prefilter.Hits hits = p.scan(text);
        int matched = 0;
        for (Sentences.Span s : Sentences.split(text)) {
            boolean[] can = hits.candidates(s.start(), s.end());
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).region(s.start(), s.end()).find()) {
                    matched++;
                    assertThat(can[i]).as("pattern %d on %s", i, s.of(text)).isTrue();
                }
            }
        }
        assertThat(matched).isGreaterThan(100);
    }

    /** Every vagueness cue that matches an action item of the evaluation sets is a candidate there. */
    @Test
    void neverHidesAVaguenessCue() throws IOException {
        List<String> regexes = VagueActionDetector.cues().stream().map(LazyPattern::regex).toList();
        Prefilter p = new Prefilter(VagueActionDetector.cues().stream().map(LazyPattern::triggers).toList());
        List<String> items = new ArrayList<>(List.of("Improve monitoring", "Be more careful", "Add alerting",
                "Investigate the lag", "Reduce latency", "Make it faster", "Train the team"));
        for (String set : List.of("heldout-actions.tsv", "heldout-final-actions.tsv")) {
            try (InputStream in = PrefilterTest.class.getResourceAsStream("/pm/language/" + set)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("#") && l.indexOf('\t') > 0)
                        .forEach(l -> items.add(l.substring(l.indexOf('\t') + 1)));
            }
        }
        int matched = 0;
        for (String item : items) {
            boolean[] can = p.scan(item).candidates(0, item.length());
            for (int i = 0; i < regexes.size(); i++) {
                if (BlameRules.compile(regexes.get(i)).matcher(item).find()) {
                    matched++;
                    assertThat(can[i]).as("cue %d on %s", i, item).isTrue();
                }
            }
        }
        assertThat(matched).isGreaterThan(50);
    }

    /** Random text, full of whitespace runs, and random ranges: a pattern that matches is a candidate. */
    @Test
    void runsOfWhitespaceNeverHideAMatch() {
        String[] regexes = {"\\bwas\\s+on\\s+me\\b", "\\s+on\\b", "\\bon\\s", "me\\s\\swas", "(?:was|me)\\s+on",
            "\\Qon  me\\E", "on\\s+\\s*me", "\\bwas\\b"};
        Prefilter p = of(regexes);
        String[] pieces = {"was", "on", "me", "x", " ", "  ", "\t", "\n", " \n\t ", "."};
        java.util.Random random = new java.util.Random(7);
        int matched = 0;
        for (int run = 0; run < 20_000; run++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            Prefilter.Hits hits = p.scan(text);
            int a = random.nextInt(text.length() + 1);
            int b = a + random.nextInt(text.length() - a + 1);
            boolean[] can = hits.candidates(a, b);
            for (int i = 0; i < regexes.length; i++) {
                if (BlameRules.compile(regexes[i]).matcher(text).region(a, b).find()) {
                    matched++;
                    assertThat(can[i]).as("%s in [%d, %d) of '%s'", regexes[i], a, b, text).isTrue();
                }
            }
        }
        assertThat(matched).isGreaterThan(1_500);
    }

    @Test
    void eachWordIsIndexedByItsRarestTrigram() {
        assertThat(Prefilter.indexedAt("the person")).isEqualTo("the person".indexOf("rso"));
        assertThat(Prefilter.indexedAt("because ")).isEqualTo(2); // "cau"
        assertThat(Prefilter.indexedAt("abc")).isZero();
    }

    @Test
    void noticesQuotationsInTheSamePassAsQuoteMaskWould() {
        Prefilter filter = new Prefilter(List.of(List.of(Set.of("abc")), List.of(Set.of("git bl"))));
        java.util.Random random = new java.util.Random(11);
        String[] pieces = {"a", "b", "c", " ", "\"", "'", "\u201C", "\u2018", "git", "GIT", "gi", "g", "Gıt", "\n", "é"};
        for (int i = 0; i < 20_000; i++) {
            String text = joined(random, pieces, 10);
            boolean noticed = filter.scan(text, true).mayHoldQuotes();
            if (text.length() >= 3) { // shorter than every word: not even scanned, nothing can match there
                assertThat(noticed).as(text).isEqualTo(QuoteMask.mayMatch(text));
            }
            assertThat(filter.scan(text, false).mayHoldQuotes()).isFalse();
        }
    }

    @Test
    void aRangeHasTheSameCandidatesAsItsTextScannedAlone() {
        Prefilter filter = new Prefilter(List.of(List.of(Set.of(" on me")), List.of(Set.of("because ")),
                List.of(Set.of("not "), Set.of("root cause")), List.of(Set.of("x y"))));
        java.util.Random random = new java.util.Random(13);
        String[] pieces = {"on", "me", "because", "not", "root", "cause", "x", "y", " ", "  ", "\t", "\n", "ON", "é", "."};
        for (int i = 0; i < 20_000; i++) {
            String text = joined(random, pieces, 16);
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            assertThat(filter.scan(text.substring(from, to)).candidates(0, to - from)).as("[%s] %d..%d", text, from, to)
                    .isEqualTo(filter.scan(text).candidates(from, to));
        }
    }

    /** Up to {@code most - 1} pieces picked at random, joined without separators. */
    private static String joined(java.util.Random random, String[] pieces, int most) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(most); k > 0; k--) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }
}
