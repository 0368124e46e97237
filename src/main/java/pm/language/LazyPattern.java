package pm.language;

import java.util.regex.Pattern;

/**
 * A regular expression of the built-in rules, compiled on first use: on a given file most of them never
 * run (see {@link Prefilter}), and compiling them all would cost every cold start tens of milliseconds.
 */
final class LazyPattern {
    /** How every built-in pattern is compiled: ignoring case, in all scripts. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private final String regex;
    private volatile Pattern compiled;

    LazyPattern(String regex) {
        this.regex = regex;
    }

    String regex() {
        return regex;
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
