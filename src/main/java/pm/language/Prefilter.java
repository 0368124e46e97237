package pm.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which of a list of patterns can match in a range of text, from the literal strings each needs
 * ({@link Literals#required}): one pass over the text finds where those strings occur, and a pattern
 * whose strings do not occur in a range is skipped there. Only a speed-up: a pattern it cannot analyse
 * always runs, so the matches found are exactly those of running every pattern.
 */
final class Prefilter {
    private static final int BLOOM_BITS = 1 << 16;

    private final int patterns;
    private final boolean[] always;
    private final String[] triggers;
    private final int[][] patternsOf;
    private final Map<Integer, int[]> byTrigram = new HashMap<>();
    private final long[] bloom = new long[BLOOM_BITS / 64];

    Prefilter(List<Pattern> list) {
        patterns = list.size();
        always = new boolean[patterns];
        Map<String, List<Integer>> users = new HashMap<>();
        for (int i = 0; i < patterns; i++) {
            Set<String> req = Literals.required(list.get(i));
            if (req == null) {
                always[i] = true;
            } else {
                for (String s : req) {
                    users.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
                }
            }
        }
        triggers = users.keySet().toArray(String[]::new);
        patternsOf = new int[triggers.length][];
        Map<Integer, List<Integer>> trigrams = new HashMap<>();
        for (int t = 0; t < triggers.length; t++) {
            patternsOf[t] = users.get(triggers[t]).stream().mapToInt(Integer::intValue).toArray();
            int key = key(triggers[t].charAt(0), triggers[t].charAt(1), triggers[t].charAt(2));
            trigrams.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            bloom[bloomBit(key) >>> 6] |= 1L << bloomBit(key);
        }
        trigrams.forEach((k, v) -> byTrigram.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static int key(char a, char b, char c) {
        return (a * 31 + b) * 31 + c;
    }

    private static int bloomBit(int key) {
        return (key ^ (key >>> 16)) & (BLOOM_BITS - 1);
    }

    /** Where the literal strings occur in one text; ask it which patterns can match in a range. */
    Hits scan(String text) {
        int n = text.length();
        char[] f = new char[n];
        for (int i = 0; i < n; i++) {
            f[i] = Literals.fold(text.charAt(i));
        }
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i + Literals.MIN_LENGTH <= n; i++) {
            int key = key(f[i], f[i + 1], f[i + 2]);
            int bit = bloomBit(key);
            if ((bloom[bit >>> 6] & (1L << bit)) == 0) {
                continue;
            }
            int[] ts = byTrigram.get(key);
            if (ts == null) {
                continue;
            }
            for (int t : ts) {
                if (startsWith(f, i, triggers[t])) {
                    found.add(new int[] {i, i + triggers[t].length(), t});
                }
            }
        }
        return new Hits(found);
    }

    private static boolean startsWith(char[] f, int at, String s) {
        if (at + s.length() > f.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (f[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The occurrences of literal strings in one text. */
    final class Hits {
        private final List<int[]> found;

        private Hits(List<int[]> found) {
            this.found = found;
        }

        /** Which patterns may match within {@code [start, end)}: the others certainly do not. */
        boolean[] candidates(int start, int end) {
            boolean[] can = always.clone();
            for (int[] h : found) {
                if (h[0] >= start && h[1] <= end) {
                    for (int p : patternsOf[h[2]]) {
                        can[p] = true;
                    }
                }
            }
            return can;
        }
    }

    int size() {
        return patterns;
    }
}
