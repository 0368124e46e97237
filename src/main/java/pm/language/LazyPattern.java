package pm.language;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A regular expression of the built-in rules, compiled on first use (on a given file most of them never run:
 * see {@link Prefilter}, and compiling them all would cost every cold start tens of milliseconds), with the
 * words it is triggered by, declared beside it as Vale's {@code tokens:} are.
 *
 * <p>Each set of trigger words is a promise that every match contains at least one of its words (folded to lower
 * case, each run of whitespace as one space, as {@link Prefilter} reads text): text that lacks every word of a
 * set cannot match, so the expression need not run there. {@code TriggerWordsTest} proves each promise with a
 * regular-expression analyser.
 */
final class LazyPattern {
    /** How every built-in pattern is compiled: ignoring case, in all scripts. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private final String regex;
    private final List<Set<String>> triggers;
    private volatile Pattern compiled;

    LazyPattern(String regex) {
        this(regex, List.of());
    }

    private LazyPattern(String regex, List<Set<String>> triggers) {
        this.regex = regex;
        this.triggers = triggers;
    }

    /** The same expression, triggered by these sets of words: every match holds a word of each set. */
    @SafeVarargs
    final LazyPattern when(Set<String>... sets) {
        return new LazyPattern(regex, List.of(sets));
    }

    /** One set of trigger words, written as alternatives: {@code words("failed to |fails to ")}. */
    static Set<String> words(String alternatives) {
        return Set.of(alternatives.split("\\|"));
    }

    String regex() {
        return regex;
    }

    /** The declared sets of trigger words; empty when none are declared (the pattern then always runs). */
    List<Set<String>> triggers() {
        return triggers;
    }

    Pattern get() {
        Pattern p = compiled;
        if (p == null) {
            p = Pattern.compile(regex, FLAGS); // a race compiles it twice, to equal results
            compiled = p;
        }
        return p;
    }

    @Override
    public String toString() {
        return regex;
    }
}
