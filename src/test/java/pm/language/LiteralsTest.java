package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LiteralsTest {
    private static Set<String> required(String regex) {
        return Literals.required(BlameRules.compile(regex));
    }

    @Test
    void aLiteralWordIsRequired() {
        assertThat(required("\\bbecause\\s+\\w+")).containsExactly("because ");
    }

    @Test
    void anAlternationRequiresOneOfItsWords() {
        assertThat(required("\\b(?:ignored|overlooked)\\b")).containsExactlyInAnyOrder("ignored", "overlooked");
        assertThat(required("\\b(?:no\\s+one|nobody)\\s+noticed")).containsExactlyInAnyOrder("no one noticed", "nobody noticed");
    }

    @Test
    void whatFollowsAFixedStartJoinsItUpToItsFirstOptionalPart() {
        // not "call" alone, which every "on-call" holds
        assertThat(required("\\b(?:poor|bad)\\s+(?:judge?ment|calls?)\\b"))
                .containsExactlyInAnyOrder("poor judg", "poor call", "bad judg", "bad call");
        assertThat(required("\\bre(?:start|boot)(?:ed|ing)?\\b")).containsExactlyInAnyOrder("restart", "reboot");
        assertThat(required("\\bx+yz\\w*")).containsExactly("xyz");
    }

    @Test
    void whitespaceIsOneCharacterSoWordsJoinAcrossIt() {
        assertThat(Literals.fold('\t')).isEqualTo(' ');
        assertThat(Literals.fold('\n')).isEqualTo(' ');
        assertThat(required("\\bdropped\\s+the\\s+ball\\b")).containsExactly("dropped the ball");
        assertThat(Literals.requiredAll(BlameRules.compile("\\bon\\s+\\s*call")))
                .containsExactly(Set.of("call"), Set.of("on "));
        assertThat(required("\\bso\\s\\sbad")).containsExactly("so bad");
        assertThat(required("\\bhuman\\serror")).containsExactly("human error");
        assertThat(Literals.required(Pattern.compile("\\bhuman\\serror", Pattern.UNICODE_CHARACTER_CLASS))).isNull();
        assertThat(required("\\bhuman(?U:\\s)error")).isNull();
    }

    @Test
    void aPatternCanRequireSeveralThingsAtOnce() {
        assertThat(Literals.requiredAll(BlameRules.compile("\\b(?:this|that)\\s+was\\s+on\\s+(?:me|us)\\b")))
                .containsExactly(Set.of("this was on me", "this was on us", "that was on me", "that was on us"));
        assertThat(Literals.requiredAll(BlameRules.compile("\\b(?:this|that)\\s+\\w+\\s+was\\s+\\w+\\s+on\\s+me")))
                .containsExactly(Set.of(" on me"), Set.of(" was "), Set.of("this ", "that "));
        assertThat(Literals.requiredAll(BlameRules.compile("\\b(?:foo|bar)\\b"))).containsExactly(Set.of("foo", "bar"));
        assertThat(Literals.requiredAll(BlameRules.compile("\\w+ed"))).isEmpty();
        assertThat(Literals.requiredAll(BlameRules.compile("abc\\w+def\\w+ghi\\w+jkl\\w+mno")))
                .hasSize(Literals.MAX_REQUIREMENTS);
    }

    @Test
    void optionalPartsAndNegativeLookaroundsRequireNothing() {
        assertThat(required("(?:very\\s+)?careful")).containsExactly("careful");
        assertThat(required("\\blazy\\b(?!\\s+loading)")).containsExactly("lazy");
        assertThat(required("(?:foo|)bar")).containsExactlyInAnyOrder("foobar", "bar");
    }

    @Test
    void whatALookbehindSeesIsRequiredToo() {
        assertThat(required("(?<=\\bdeploy(?:ed|ment)\\b.{0,80})\\bso\\b"))
                .containsExactlyInAnyOrder("deployed", "deployment");
    }

    @Test
    void aGroupWithItsOwnFlagsKeepsItsWords() {
        assertThat(required("\\bfoo(?-i:BAR)")).containsExactly("foobar");
        assertThat(required("(?<!\\w{2,20}ed\\s)\\blazily\\b(?![\\s-]+(?-i:\\p{Lu}{2,})\\s)"))
                .containsExactly("lazily");
        assertThat(required("(?x:foo)")).isNull();
    }

    @Test
    void wordsAreFoldedToLowerCase() {
        assertThat(required("\\bBecause\\b")).containsExactly("because");
        assertThat(Literals.fold('\u212A')).isEqualTo('k'); // Kelvin sign matches k ignoring case
        assertThat(Literals.fold('\u017F')).isEqualTo('s'); // long s matches s ignoring case
    }

    @Test
    void quotedTextIsLiteral() {
        assertThat(Literals.required(Pattern.compile(Pattern.quote("a.b c"), Pattern.CASE_INSENSITIVE)))
                .containsExactly("a.b c");
    }

    @Test
    void unknownOrTooShortMeansNoRequirement() {
        assertThat(required("\\w+ed")).isNull();
        assertThat(required("\\bif\\b")).isNull();
        assertThat(required("(?i)foo")).isNull();
        assertThat(required("(a)\\1")).isNull();
        assertThat(Literals.required(Pattern.compile("foo # bar", Pattern.COMMENTS))).isNull();
    }

    /**
     * Every built-in pattern that matches a sentence finds one of its required words in it: the
     * prefilter never hides a match. Sentences: the ones below and the held-out evaluation sets.
     */
    @Test
    void everyMatchOfABuiltInPatternContainsOneOfItsRequiredWords() throws Exception {
        List<String> examples = List.of(
                "What an idiot.", "Kim can't be trusted with prod.", "Dana can't seem to follow a runbook.",
                "Kim should never have been allowed near prod.", "The outage traces back to Kim, who pushed.",
                "How is it possible that @kim deployed this?", "Our bad: the SDKs had no timeout.",
                "This was an oversight on my part.", "We were overzealous on step 3.", "A dumb idea.",
                "We did not understand the patterns well enough.", "We should be more careful.",
                "We sincerely apologize for this oversight.", "The failure to notify users hurt.",
                "Root causes: haste.", "Kim deployed on a whim.", "The schema was designed very poorly by Dana.",
                "Kim wrote the error off.", "We incorrectly assessed it.", "Dana dismisses the page again.",
                "Why didn't Bob check the config?", "Who approved this change?", "What were they thinking.",
                "It was obvious that the disk was full.", "It was clear to anyone watching.",
                "It should have been obvious.", "Any competent engineer would have known.",
                "A careful engineer would have waited.", "Anyone paying attention saw it.",
                "She missed the obvious warning.", "He mistakenly deleted the table.", "It was human error.",
                "That was sloppy work and poor judgment.", "He was too lazy to test.", "They weren't thinking.",
                "The on-call panicked.", "It was Sam's fault.", "It was my mistake.", "Dana was to blame.",
                "The blame lies with ops.", "He was responsible for the outage.", "It was caused by Alice.",
                "The root cause was Bob.", "The outage happened because Maria pushed a bad config.",
                "Alex broke production.", "Someone should have noticed the alert.",
                "Kim should have checked first.", "The engineer failed to notice the alarm.",
                "He failed to update the runbook.", "Jo did not properly test it.", "She didn't realize it.",
                "He never checked the logs.", "Nobody noticed the backlog.", "Lee forgot to restart it.",
                "He neglected to page anyone.", "They ignored the warning.", "If only Bob had waited.",
                "Had the engineer checked, it would have been fine.", "He deployed without testing.",
                "She restarted the wrong server.", "Human error is not a root cause here.",
                "It is tempting to blame the operator.", "Rather than blaming people, we fixed it.",
                "No one was at fault.", "Anyone could have made this mistake.",
                "KELVIN \u212Anew it was Sam\u2019s FAULT.", "The ca\u017Fcade was careles\u017F.");
        List<String> sentences = new java.util.ArrayList<>(examples);
        for (String set : List.of("heldout-blame.tsv", "heldout-final-blame.tsv")) {
            try (var in = LiteralsTest.class.getResourceAsStream("/pm/language/" + set)) {
                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("#") && l.indexOf('\t') > 0)
                        .map(l -> l.substring(l.indexOf('\t') + 1))
                        .forEach(sentences::add);
            }
        }
        List<Pattern> patterns = Stream.concat(BlameRules.ALL.stream().map(BlameRule::pattern),
                BlameRules.REJECTIONS.stream().map(LazyPattern::get)).toList();
        Set<Integer> matched = new HashSet<>();
        for (int i = 0; i < patterns.size(); i++) {
            Set<String> best = Literals.required(patterns.get(i));
            List<Set<String>> all = Literals.requiredAll(patterns.get(i));
            for (String s : sentences) {
                Matcher m = patterns.get(i).matcher(s);
                if (m.find()) {
                    matched.add(i);
                    String folded = fold(s);
                    assertThat(best == null || best.stream().anyMatch(folded::contains))
                            .as("pattern %d %s on %s needs one of %s", i, patterns.get(i), s, best).isTrue();
                    for (Set<String> req : all) {
                        assertThat(req.stream().anyMatch(folded::contains))
                                .as("pattern %d %s on %s needs one of %s", i, patterns.get(i), s, req).isTrue();
                    }
                }
            }
        }
        assertThat(matched.size()).as("patterns the sentences exercise").isGreaterThan(patterns.size() * 3 / 4);
    }

    private static String fold(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Literals.fold(c));
        }
        return b.toString();
    }
}
