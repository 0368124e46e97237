package pm.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds, for a regular expression, strings of which every match must contain at least one (folded to
 * lower case, see {@link #fold}, with each run of whitespace as one space, as {@link Prefilter} reads the
 * text): "because " for {@code \bbecause\s+\w+}, {"ignored", "overlooked"} for
 * {@code \b(?:ignored|overlooked)\b}. Text that contains none of them cannot match, so the expression
 * need not run. The analysis is conservative: any construct it does not know gives "no requirement".
 */
final class Literals {
    /** Shortest useful requirement; shorter ones filter too little to pay for the check. */
    static final int MIN_LENGTH = Prefilter.MIN_LENGTH;
    private static final int MAX_STRINGS = 256;
    /** How many of a pattern's requirements {@link #requiredAll} keeps: the most selective ones. */
    static final int MAX_REQUIREMENTS = 4;
    private static final int UNSAFE_FLAGS = Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ
            | Pattern.UNICODE_CHARACTER_CLASS;

    private Literals() {
    }

    /** The strings every match contains one of, each at least {@link #MIN_LENGTH} long, or {@code null}. */
    static Set<String> required(Pattern pattern) {
        Info info = analyse(pattern.pattern(), pattern.flags());
        Set<String> req = info == null ? null : info.requirement();
        return req == null || minLength(req) < MIN_LENGTH ? null : req;
    }

    /**
     * Several such sets, all of which every match satisfies ("it", then "was", then "on"), the most
     * selective first and at most {@link #MAX_REQUIREMENTS}; empty when nothing is known.
     */
    static List<Set<String>> requiredAll(Pattern pattern) {
        return requiredAll(pattern.pattern(), pattern.flags());
    }

    /** {@link #requiredAll(Pattern)} of a pattern not compiled yet. */
    static List<Set<String>> requiredAll(String regex, int flags) {
        Info info = analyse(regex, flags);
        if (info == null) {
            return List.of();
        }
        List<Set<String>> all = new ArrayList<>();
        Set<String> best = info.requirement();
        if (best != null && minLength(best) >= MIN_LENGTH) {
            all.add(best);
        }
        for (Set<String> set : info.all()) {
            if (minLength(set) >= MIN_LENGTH && !all.contains(set)) {
                all.add(set);
            }
        }
        // a set met whenever another one is (each "this " contains a "this") adds nothing
        all.removeIf(b -> all.stream().anyMatch(a -> a != b && implies(a, b)
                && !(implies(b, a) && all.indexOf(b) < all.indexOf(a))));
        all.sort((a, b) -> better(a, b) == a ? (better(b, a) == b ? 0 : -1) : 1);
        return List.copyOf(all.subList(0, Math.min(all.size(), MAX_REQUIREMENTS)));
    }

    /**
     * Every set of strings the analysis finds that each match contains one of (as {@link #requiredAll}, but all of
     * them, however short or many); empty when the pattern cannot be analysed.
     */
    static List<Set<String>> derived(String regex, int flags) {
        Info info = analyse(regex, flags);
        if (info == null) {
            return List.of();
        }
        List<Set<String>> all = new ArrayList<>();
        if (info.requirement() != null) {
            all.add(info.requirement());
        }
        all.addAll(info.all());
        return all;
    }

    /**
     * Whether every match of {@code regex} contains one of {@code words}, as the analysis proves it: some set the
     * analysis derives is such that each of its strings contains one of the words.
     */
    static boolean guarantees(String regex, int flags, Set<String> words) {
        for (Set<String> derived : derived(regex, flags)) {
            if (implies(derived, words)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every string of {@code a} contains one of {@code b}: then a text meeting a meets b. */
    private static boolean implies(Set<String> a, Set<String> b) {
        return a.stream().allMatch(x -> b.stream().anyMatch(x::contains));
    }

    private static Info analyse(String regex, int flags) {
        if ((flags & UNSAFE_FLAGS) != 0) {
            return null;
        }
        try {
            Parser parser = new Parser(regex);
            Info info = parser.alternation();
            return parser.pos == parser.re.length() ? info : null;
        } catch (Unsupported | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** {@link Prefilter#fold}, as the prefilter folds text. */
    static char fold(char c) {
        return Prefilter.fold(c);
    }

    private static int minLength(Set<String> strings) {
        int min = Integer.MAX_VALUE;
        for (String s : strings) {
            min = Math.min(min, s.length());
        }
        return min;
    }

    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * What is known about a piece of a pattern: the exact strings it can match (null when unknown or too
     * many), strings one of which any match contains (null when none are known), and strings one of which
     * any match starts with ({@code prefix}, null when unknown; {@link #starts} is the best known).
     */
    private record Info(Set<String> exact, Set<String> req, Set<String> repeated, List<Set<String>> all,
                        Set<String> prefix) {
        static final Info EMPTY = new Info(Set.of(""), null);
        static final Info UNKNOWN = new Info(null, null);

        Info(Set<String> exact, Set<String> req) {
            this(exact, req, null, List.of(), null);
        }

        Info(Set<String> exact, Set<String> req, Set<String> repeated, List<Set<String>> all) {
            this(exact, req, repeated, all, null);
        }

        /** Strings one of which every match starts with, or null. */
        Set<String> starts() {
            return exact != null ? exact : prefix;
        }

        Set<String> requirement() {
            Set<String> fromExact = exact != null && !exact.contains("") ? exact : null;
            return better(req, fromExact);
        }
    }

    /** The more selective of two requirements: longer shortest string, then fewer strings. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int la = minLength(a);
        int lb = minLength(b);
        if (la != lb) {
            return la > lb ? a : b;
        }
        return a.size() <= b.size() ? a : b;
    }

    private static final class Parser {
        final String re;
        int pos;

        Parser(String re) {
            this.re = re;
        }

        private boolean more() {
            return pos < re.length();
        }

        private char peek() {
            return re.charAt(pos);
        }

        Info alternation() throws Unsupported {
            Set<String> exact = new LinkedHashSet<>();
            Set<String> req = new LinkedHashSet<>();
            boolean exactKnown = true;
            boolean reqKnown = true;
            List<Set<String>> all = null;
            Set<String> starts = new LinkedHashSet<>();
            boolean startsKnown = true;
            int branches = 0;
            while (true) {
                Info branch = concatenation();
                Set<String> b = branch.starts();
                if (b == null || starts.size() + b.size() > MAX_STRINGS) {
                    startsKnown = false;
                } else {
                    starts.addAll(b);
                }
                all = branches++ == 0 ? branch.all() : List.of();
                if (branch.exact() == null || exact.size() + branch.exact().size() > MAX_STRINGS) {
                    exactKnown = false;
                } else {
                    exact.addAll(branch.exact());
                }
                Set<String> r = branch.requirement();
                if (r == null) {
                    reqKnown = false;
                } else {
                    req.addAll(r);
                }
                if (more() && peek() == '|') {
                    pos++;
                    continue;
                }
                break;
            }
            return new Info(exactKnown ? exact : null, reqKnown ? req : null, null, all,
                    startsKnown ? starts : null);
        }

        private Info concatenation() throws Unsupported {
            Set<String> run = Set.of("");
            boolean allExact = true;
            Set<String> best = null;
            Set<String> starts = null; // what every match starts with, known when the first inexact piece comes
            List<Set<String>> all = new ArrayList<>(); // every requirement found along the way
            while (more() && peek() != '|' && peek() != ')') {
                Info atom = quantified(atom());
                best = better(best, keep(all, atom.req()));
                atom.all().forEach(r -> keep(all, r)); // what a group inside requires, each on its own
                Set<String> joined = atom.exact() == null ? null : cross(run, atom.exact());
                if (joined != null) {
                    run = joined;
                } else if (atom.repeated() != null) {
                    // X+ : what precedes meets the first X, and the last X meets what follows
                    Set<String> first = cross(run, atom.repeated());
                    best = better(best, keep(all, nonEmpty(first == null ? run : first)));
                    if (allExact) {
                        starts = first == null ? run : first;
                    }
                    run = atom.repeated();
                    allExact = false;
                } else {
                    // what precedes, followed by how the piece starts: "poor " + "call" is "poor call"
                    Set<String> ext = atom.starts() == null ? null : cross(run, atom.starts());
                    Set<String> reached = ext != null && nonEmpty(ext) != null ? ext : run;
                    best = better(best, keep(all, nonEmpty(reached)));
                    if (allExact) {
                        starts = reached;
                    }
                    run = atom.exact() == null ? Set.of("") : atom.exact();
                    allExact = false;
                }
            }
            best = better(best, keep(all, nonEmpty(run)));
            return new Info(allExact ? run : null, best, null, all, allExact ? run : starts);
        }

        private static Set<String> keep(List<Set<String>> all, Set<String> requirement) {
            if (requirement != null) {
                all.add(requirement);
            }
            return requirement;
        }

        private static Set<String> nonEmpty(Set<String> strings) {
            return strings.contains("") ? null : strings;
        }

        private static Set<String> cross(Set<String> a, Set<String> b) {
            if ((long) a.size() * b.size() > MAX_STRINGS) {
                return null;
            }
            Set<String> out = new LinkedHashSet<>();
            for (String x : a) {
                for (String y : b) {
                    // two spaces in a row are one run of whitespace, which the prefilter sees as one space
                    out.add(x.endsWith(" ") && y.startsWith(" ") ? x + y.substring(1) : x + y);
                }
            }
            return out;
        }

        private Info quantified(Info atom) throws Unsupported {
            if (!more()) {
                return atom;
            }
            int min;
            switch (peek()) {
                case '?', '*' -> {
                    min = 0;
                    pos++;
                }
                case '+' -> {
                    min = 1;
                    pos++;
                }
                case '{' -> {
                    int close = re.indexOf('}', pos);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    String body = re.substring(pos + 1, close);
                    if (!body.matches("\\d+(,\\d*)?")) {
                        throw new Unsupported();
                    }
                    min = Integer.parseInt(body.split(",")[0]);
                    pos = close + 1;
                }
                default -> {
                    return atom;
                }
            }
            if (more() && (peek() == '?' || peek() == '+')) {
                pos++; // lazy or possessive: the same strings
            }
            if (min == 0) {
                return Info.UNKNOWN;
            }
            if (Set.of(" ").equals(atom.exact())) {
                return atom; // \s+ : any run of whitespace is one space to the prefilter
            }
            // at least once: a match starts as the piece does
            return atom.exact() != null && !atom.exact().contains("")
                    ? new Info(null, atom.requirement(), atom.exact(), List.of(), atom.exact())
                    : new Info(null, atom.requirement(), null, List.of(), atom.starts());
        }

        private Info atom() throws Unsupported {
            char c = re.charAt(pos++);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    skipClass();
                    return Info.UNKNOWN;
                case '.':
                    return Info.UNKNOWN;
                case '^':
                case '$':
                    return Info.EMPTY;
                case '\\':
                    return escape();
                case '*':
                case '+':
                case '?':
                case '{':
                case ')':
                case '|':
                    throw new Unsupported();
                default:
                    return literal(c);
            }
        }

        private static Info literal(char c) {
            char f = fold(c);
            return fold(f) == f ? new Info(Set.of(String.valueOf(f)), null) : Info.UNKNOWN;
        }

        private Info group() throws Unsupported {
            boolean lookaround = false;
            boolean negative = false;
            if (re.startsWith("?:", pos) || re.startsWith("?>", pos)) {
                pos += 2;
            } else if (re.startsWith("?=", pos)) {
                pos += 2;
                lookaround = true;
            } else if (re.startsWith("?<=", pos)) {
                pos += 3;
                lookaround = true;
            } else if (re.startsWith("?!", pos)) {
                pos += 2;
                negative = true;
            } else if (re.startsWith("?<!", pos)) {
                pos += 3;
                negative = true;
            } else if (re.startsWith("?<", pos)) {
                int close = re.indexOf('>', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                pos = close + 1; // a named group
            } else if (re.startsWith("?", pos)) {
                // flags for the group only, as in (?-i:ABC): a case-sensitive match is also one ignoring case,
                // so its strings stay required; comments mode (x) changes what the literals are
                int colon = pos + 1;
                while (colon < re.length() && "idmsu-".indexOf(re.charAt(colon)) >= 0) { // U: \s is Unicode
                    colon++;
                }
                if (colon == re.length() || re.charAt(colon) != ':') {
                    throw new Unsupported(); // inline flags for the rest of the pattern, or comments mode
                }
                pos = colon + 1;
            }
            Info inner = alternation();
            if (!more() || peek() != ')') {
                throw new Unsupported();
            }
            pos++;
            if (negative) {
                return Info.EMPTY;
            }
            if (lookaround) {
                // consumes nothing, but what it sees lies inside the searched region
                return new Info(Set.of(""), inner.requirement(), null, inner.all());
            }
            return inner;
        }

        private void skipClass() throws Unsupported {
            int depth = 1;
            if (more() && peek() == '^') {
                pos++;
            }
            if (more() && peek() == ']') {
                pos++;
            }
            while (depth > 0) {
                char c = re.charAt(pos++);
                if (c == '\\') {
                    pos++;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                }
            }
        }

        private Info escape() throws Unsupported {
            char c = re.charAt(pos++);
            switch (c) {
                case 'b', 'B', 'A', 'z', 'Z', 'G':
                    return Info.EMPTY;
                case 's':
                    return literal(' '); // any of \s folds to a space
                case 'd', 'D', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 'R', 'X':
                    return Info.UNKNOWN;
                case 'p', 'P':
                    if (more() && peek() == '{') {
                        int close = re.indexOf('}', pos);
                        if (close < 0) {
                            throw new Unsupported();
                        }
                        pos = close + 1;
                    } else {
                        pos++;
                    }
                    return Info.UNKNOWN;
                case 'Q': {
                    int end = re.indexOf("\\E", pos);
                    String quoted = end < 0 ? re.substring(pos) : re.substring(pos, end);
                    pos = end < 0 ? re.length() : end + 2;
                    StringBuilder folded = new StringBuilder();
                    for (char q : quoted.toCharArray()) {
                        char f = fold(q);
                        if (fold(f) != f) {
                            return Info.UNKNOWN;
                        }
                        if (f != ' ' || folded.length() == 0 || folded.charAt(folded.length() - 1) != ' ') {
                            folded.append(f); // a run of whitespace is one space
                        }
                    }
                    return new Info(Set.of(folded.toString()), null);
                }
                case 't':
                    return literal('\t');
                case 'n':
                    return literal('\n');
                case 'r':
                    return literal('\r');
                case 'f':
                    return literal('\f');
                default:
                    if (Character.isLetterOrDigit(c)) {
                        throw new Unsupported(); // back references, named references, hex, octal, control characters
                    }
                    return literal(c);
            }
        }
    }
}
