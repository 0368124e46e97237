package pm.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells which of a list of patterns can match in a range of text, from the words each is triggered by
 * ({@link LazyPattern#triggers}): one pass over the text finds where those strings occur, and a pattern
 * whose strings do not occur in a range is skipped there. Only a speed-up: a pattern it cannot analyse
 * always runs, so the matches found are exactly those of running every pattern.
 */
final class Prefilter {
    /** The shortest trigger word: shorter ones filter too little to pay for the check (and index no trigram). */
    static final int MIN_LENGTH = 3;
    private static final int BLOOM_BITS = 1 << 16;

    private final int patterns;
    private final boolean[] always;
    private final boolean anyAlways;
    private final String[] triggers;
    private final char[][] triggerChars;
    /** For each trigger, the requirements (clauses) it satisfies; a pattern has one clause per requirement. */
    private final int[][] clausesOf;
    /** For each clause, its pattern; and for each pattern, how many clauses it has. */
    private final int[] patternOf;
    private final int[] clauseCount;
    /** Where in each trigger its indexed trigram starts: the one least likely to be everywhere in prose. */
    private final int[] offsetOf;
    /** Open addressing from a trigram key to the triggers indexed by it: keys, then trigger lists. */
    private final int[] tableKeys;
    private final int[][] tableTriggers;
    private final long[] bloom = new long[BLOOM_BITS / 64];
    /** The length of the shortest trigger: a shorter text holds none (table cells such as "P1" or "open"). */
    private final int shortest;
    private final Hits none;

    /**
     * @param requirements for each pattern, the sets of words it is triggered by ({@link LazyPattern#triggers});
     *                     an empty list for a pattern that always runs
     *
     * <p>Built with loops and arrays, no streams: a cold start builds its prefilters in the interpreter, where
     * stream pipelines and boxing cost milliseconds.
     */
    Prefilter(List<List<Set<String>>> requirements) {
        patterns = requirements.size();
        always = new boolean[patterns];
        clauseCount = new int[patterns];
        Map<String, List<Integer>> users = new LinkedHashMap<>();
        int clauses = 0;
        for (List<Set<String>> all : requirements) {
            clauses += all.size();
        }
        patternOf = new int[clauses];
        int clause = 0;
        boolean some = false;
        for (int i = 0; i < patterns; i++) {
            List<Set<String>> all = requirements.get(i);
            if (all.isEmpty()) {
                always[i] = true;
                some = true;
            }
            for (Set<String> req : all) {
                patternOf[clause] = i;
                clauseCount[i]++;
                for (String s : req) {
                    List<Integer> list = users.get(s);
                    if (list == null) {
                        list = new ArrayList<>(2);
                        users.put(s, list);
                    }
                    list.add(clause);
                }
                clause++;
            }
        }
        anyAlways = some;
        triggers = users.keySet().toArray(new String[0]);
        triggerChars = new char[triggers.length][];
        clausesOf = new int[triggers.length][];
        offsetOf = new int[triggers.length];
        none = new Hits();
        int min = Integer.MAX_VALUE;
        Map<Integer, List<Integer>> trigrams = new HashMap<>();
        for (int t = 0; t < triggers.length; t++) {
            String s = triggers[t];
            min = Math.min(min, s.length());
            triggerChars[t] = s.toCharArray();
            clausesOf[t] = ints(users.get(s));
            int o = indexedAt(s);
            offsetOf[t] = o;
            int key = key(s.charAt(o), s.charAt(o + 1), s.charAt(o + 2));
            List<Integer> list = trigrams.get(key);
            if (list == null) {
                list = new ArrayList<>(2);
                trigrams.put(key, list);
            }
            list.add(t);
            bloom[bloomBit(key) >>> 6] |= 1L << bloomBit(key);
        }
        shortest = min;
        int size = Integer.highestOneBit(Math.max(1, trigrams.size()) * 4);
        tableKeys = new int[size];
        tableTriggers = new int[size][];
        for (Map.Entry<Integer, List<Integer>> e : trigrams.entrySet()) {
            int k = e.getKey();
            int slot = slot(k);
            while (tableTriggers[slot] != null) {
                slot = (slot + 1) & (size - 1);
            }
            tableKeys[slot] = k;
            tableTriggers[slot] = ints(e.getValue());
        }
    }

    private static int[] ints(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    private int slot(int key) {
        return (key * 0x9E3779B9 >>> 7) & (tableKeys.length - 1);
    }

    /** The triggers that start with a trigram, or null. */
    private int[] triggersOf(int key) {
        int mask = tableKeys.length - 1;
        for (int slot = slot(key); tableTriggers[slot] != null; slot = (slot + 1) & mask) {
            if (tableKeys[slot] == key) {
                return tableTriggers[slot];
            }
        }
        return null;
    }

    /** How often letters occur in English text, in tenths of a percent; a space is the most common. */
    private static final int[] LETTER_FREQUENCY = {82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19,
        1, 60, 63, 91, 28, 10, 24, 2, 20, 1};
    private static final int SPACE_FREQUENCY = 200;
    /**
     * Trigrams found in a large share of English words, whatever their letters: the most frequent ones of
     * English text, and the past-tense endings postmortems are full of. A trigger is indexed by one of them
     * only when it has nothing else.
     */
    private static final Set<String> COMMON_TRIGRAMS = Set.of(
            "the", "and", "ing", "ion", "tio", "ent", "ati", "for", "her", "ter", "hat", "tha", "ere", "ate", "his",
            "con", "res", "ver", "all", "ons", "nce", "men", "ith", "ers", "pro", "thi", "wit", "are", "ess", "not",
            "ive", "was", "ect", "rea", "com", "eve", "per", "int", "est", "sta", "cti", "ica", "ist", "ear", "ain",
            "one", "our", "iti", "rat", "ell", "ant", "ted", "ded", "ged", "ked", "led", "ned", "red", "sed", "ped",
            "ved", "zed", "ied", "ced", "oul", "ome", "man", "ort", "out", "ame", "ine", "age", "nte", "tin", "ous",
            "ure", "ble", "ide");
    private static final int COMMON = 1000;

    /**
     * Which trigram of a trigger to index: the one of the rarest letters, so that common ones ("the",
     * " th") do not send every word of prose to a comparison.
     */
    static int indexedAt(String trigger) {
        int best = 0;
        int bestScore = Integer.MAX_VALUE;
        for (int o = 0; o + MIN_LENGTH <= trigger.length(); o++) {
            int score = COMMON_KEYS.contains(trigramKey(trigger, o)) ? COMMON : 0;
            for (int k = o; k < o + MIN_LENGTH; k++) {
                char c = trigger.charAt(k);
                score += c == ' ' ? SPACE_FREQUENCY : c >= 'a' && c <= 'z' ? LETTER_FREQUENCY[c - 'a'] : 10;
            }
            if (score < bestScore) {
                best = o;
                bestScore = score;
            }
        }
        return best;
    }

    /** {@link #COMMON_TRIGRAMS} as exact keys (sixteen bits a character): no substring made per offset. */
    private static final Set<Long> COMMON_KEYS = commonKeys();

    private static Set<Long> commonKeys() {
        java.util.HashSet<Long> keys = new java.util.HashSet<>();
        for (String t : COMMON_TRIGRAMS) {
            keys.add(trigramKey(t, 0));
        }
        return keys;
    }

    private static long trigramKey(String s, int at) {
        return ((long) s.charAt(at) << 32) | ((long) s.charAt(at + 1) << 16) | s.charAt(at + 2);
    }

    /** A trigram's key: eight bits of each character (collisions only cost a comparison). */
    private static int key(char a, char b, char c) {
        return (eight(a) << 16) | (eight(b) << 8) | eight(c);
    }

    private static int eight(char c) {
        return (c ^ (c >>> 8)) & 0xFF;
    }

    private static int bloomBit(int key) {
        return (key * 0x9E3779B9) >>> 16; // BLOOM_BITS is 1 << 16
    }

    /** Each ASCII character folded, with 1 << 16 added for those that may begin what QuoteMask blanks. */
    private static final int[] ASCII = new int[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = fold(c) | (QuoteMask.opens(c) ? 1 << 16 : 0);
        }
    }

    /** Where the literal strings occur in one text; ask it which patterns can match in a range. */
    Hits scan(String text) {
        return scan(text, false);
    }

    /**
     * {@link #scan(String)}, and with {@code quotes} it also notes whether the text may hold what {@link QuoteMask}
     * blanks out ({@link Hits#mayHoldQuotes}), in the same pass.
     */
    Hits scan(String text, boolean quotes) {
        int length = text.length();
        if (length < shortest) {
            return none; // folding keeps one character for each, or fewer; nor can a quotation fit
        }
        boolean quoted = !quotes; // true once there is nothing more to look for
        // folded, with each run of whitespace as one space (see fold); first[k] is where the k-th folded
        // character came from (for a space, where its run starts; the run ends where the next one starts)
        char[] f = new char[length];
        text.getChars(0, length, f, 0); // folded in place: f[n] is written only once f[i >= n] was read
        int[] first = null; // null while nothing was collapsed: then first[k] is k
        // in the same pass, where a trigram that some trigger is indexed by may start (the bloom filter says
        // so): few places in prose, checked once the whole text is folded
        int[] maybe = null;
        int maybeCount = 0;
        long[] bits = bloom; // in locals: C1 would load the fields again for every character
        int[] ascii = ASCII;
        int key = 0; // of the last three folded characters, kept rolling
        char last = 0; // the folded character before this one
        // until a run of whitespace needs collapsing (in most texts, never), each character is folded in place:
        // a loop without the bookkeeping of the one below, which takes over from there
        int i = 0;
        for (; i < f.length; i++) {
            int c = f[i];
            if (c < 128) {
                c = ascii[c];
                if (c > 0xFFFF) {
                    c &= 0xFFFF;
                    if (!quoted) {
                        quoted = QuoteMask.beginsAt(text, i);
                    }
                }
            } else {
                quoted |= QuoteMask.opens((char) c); // beyond ASCII, only the curly quotes do: they always begin one
                c = fold((char) c);
            }
            if (c == ' ' && last == ' ') {
                break;
            }
            f[i] = (char) c;
            last = (char) c;
            key = ((key << 8) | ((c ^ (c >>> 8)) & 0xFF)) & 0xFFFFFF;
            int bit = bloomBit(key);
            if ((bits[bit >>> 6] & (1L << bit)) != 0 && i >= MIN_LENGTH - 1) {
                maybe = room(maybe, maybeCount);
                maybe[maybeCount++] = i - (MIN_LENGTH - 1);
            }
        }
        int n = i;
        for (; i < length; i++) {
            char c = f[i];
            if (c < 128) {
                int folded = ascii[c];
                if (!quoted && folded > 0xFFFF) {
                    quoted = QuoteMask.beginsAt(text, i);
                }
                c = (char) folded;
            } else {
                quoted |= QuoteMask.opens(c);
                c = fold(c);
            }
            if (c == ' ' && last == ' ') {
                if (first == null) {
                    first = new int[length + 1];
                    for (int k = 0; k < n; k++) {
                        first[k] = k;
                    }
                }
                continue;
            }
            if (first != null) {
                first[n] = i;
            }
            f[n++] = c;
            last = c;
            key = ((key << 8) | ((c ^ (c >>> 8)) & 0xFF)) & 0xFFFFFF;
            int bit = bloomBit(key);
            if ((bits[bit >>> 6] & (1L << bit)) != 0 && n >= MIN_LENGTH) {
                maybe = room(maybe, maybeCount);
                maybe[maybeCount++] = n - MIN_LENGTH;
            }
        }
        if (first != null) {
            first[n] = length;
        }
        Hits hits = scanFolded(f, n, first, maybe, maybeCount);
        hits.quoted = quoted && quotes;
        return hits;
    }

    /** {@code list}, or a longer copy of it, with room for one more after its first {@code count}. */
    private static int[] room(int[] list, int count) {
        if (list == null) {
            return new int[16];
        }
        return count < list.length ? list : java.util.Arrays.copyOf(list, count * 2);
    }

    /**
     * Finds the triggers in {@code f[0, n)}, the folded text, at the places {@code maybe} lists; {@code first}
     * as in {@link #scan}.
     */
    private Hits scanFolded(char[] f, int n, int[] first, int[] maybe, int maybeCount) {
        Hits hits = new Hits();
        for (int m = 0; m < maybeCount; m++) {
            int i = maybe[m];
            int[] ts = triggersOf(key(f[i], f[i + 1], f[i + 2]));
            if (ts == null) {
                continue;
            }
            for (int t : ts) {
                int at = i - offsetOf[t];
                char[] trigger = triggerChars[t];
                if (at >= 0 && startsWith(f, n, at, trigger)) {
                    // a match holds at least the space of a run next to the word: the run's last character
                    // before a word, its first after one
                    int end = at + trigger.length - 1;
                    if (first == null) {
                        hits.add(at, end + 1, t);
                    } else {
                        hits.add(f[at] == ' ' ? first[at + 1] - 1 : first[at], first[end] + 1, t);
                    }
                }
            }
        }
        hits.sortByStart();
        return hits;
    }

    private static boolean startsWith(char[] f, int n, int at, char[] s) {
        if (at + s.length > n) {
            return false;
        }
        for (int k = 0; k < s.length; k++) {
            if (f[at + k] != s[k]) {
                return false;
            }
        }
        return true;
    }

    /** The occurrences of literal strings in one text, in order of their start. */
    final class Hits {
        private boolean quoted;
        private int count;
        private static final int[] NONE = new int[0];
        // made on the first hit: most texts have none
        private int[] starts = NONE;
        private int[] ends = NONE;
        private int[] trigger = NONE;

        private Hits() {
        }

        private void add(int start, int end, int t) {
            if (count == starts.length) {
                int size = Math.max(8, count * 2);
                starts = java.util.Arrays.copyOf(starts, size);
                ends = java.util.Arrays.copyOf(ends, size);
                trigger = java.util.Arrays.copyOf(trigger, size);
            }
            starts[count] = start;
            ends[count] = end;
            trigger[count++] = t;
        }

        /** Found in order of their indexed trigram, which is nearly the order of their start. */
        private void sortByStart() {
            for (int i = 1; i < count; i++) {
                int s = starts[i];
                int e = ends[i];
                int t = trigger[i];
                int j = i - 1;
                while (j >= 0 && starts[j] > s) {
                    starts[j + 1] = starts[j];
                    ends[j + 1] = ends[j];
                    trigger[j + 1] = trigger[j];
                    j--;
                }
                starts[j + 1] = s;
                ends[j + 1] = e;
                trigger[j + 1] = t;
            }
        }

        /** Whether the text may hold a quotation or {@code git blame} (asked for in {@link #scan(String, boolean)}). */
        boolean mayHoldQuotes() {
            return quoted;
        }

        /**
         * Whether, within {@code [start, end)}, one of the strings marked in {@code first} occurs ending before,
         * and starting at most {@code reach} characters before, one of those marked in {@code then}
         * ({@link #marks}).
         */
        boolean precedes(boolean[] first, boolean[] then, int start, int end, int reach) {
            int from = firstFrom(start);
            for (int h = from; h < count && starts[h] < end; h++) {
                if (!then[trigger[h]] || ends[h] > end) {
                    continue;
                }
                for (int g = from; g < count && starts[g] < starts[h]; g++) {
                    if (first[trigger[g]] && ends[g] <= starts[h] && starts[g] >= starts[h] - reach) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Where the first of the strings marked in {@code marked} ({@link #marks}) that lies within
         * {@code [start, end)} starts, or -1 when none does.
         */
        int firstOf(boolean[] marked, int start, int end) {
            for (int h = firstFrom(start); h < count && starts[h] < end; h++) {
                if (marked[trigger[h]] && ends[h] <= end) {
                    return starts[h];
                }
            }
            return -1;
        }

        /** Whether a literal string occurs within {@code [start, end)}. */
        boolean any(int start, int end) {
            for (int h = firstFrom(start); h < count && starts[h] < end; h++) {
                if (ends[h] <= end) {
                    return true;
                }
            }
            return false;
        }

        /** The first hit that starts at or after {@code start}. */
        private int firstFrom(int start) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < start) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Which patterns may match within {@code [start, end)}: the others certainly do not. */
        boolean[] candidates(int start, int end) {
            boolean[] can = java.util.Arrays.copyOf(always, always.length); // clone() is a call into the VM in C1
            int[] met = null; // per pattern, how many of its clauses a hit in the range satisfies
            boolean[] clauseMet = null;
            for (int h = firstFrom(start); h < count && starts[h] < end; h++) {
                if (ends[h] <= end) {
                    if (met == null) {
                        met = new int[patterns];
                        clauseMet = new boolean[patternOf.length];
                    }
                    for (int c : clausesOf[trigger[h]]) {
                        if (!clauseMet[c]) {
                            clauseMet[c] = true;
                            int p = patternOf[c];
                            if (++met[p] == clauseCount[p]) {
                                can[p] = true;
                            }
                        }
                    }
                }
            }
            return can;
        }
    }

    /** Marks, by trigger, those among {@code strings}: for {@link Hits#precedes}. */
    boolean[] marks(Set<String> strings) {
        boolean[] marked = new boolean[triggers.length];
        for (int t = 0; t < triggers.length; t++) {
            marked[t] = strings.contains(triggers[t]);
        }
        return marked;
    }

    /** Whether some pattern needs no literal string, so may match anywhere. */
    boolean anyAlways() {
        return anyAlways;
    }

    int size() {
        return patterns;
    }

    /**
     * Case folding that agrees with {@link java.util.regex.Pattern#CASE_INSENSITIVE} and
     * {@link java.util.regex.Pattern#UNICODE_CASE}: two characters a pattern matches ignoring case fold to the same
     * character; the characters of {@code \s} fold to a space.
     */
    static char fold(char c) {
        if (c < 128) {
            if (c >= 'A' && c <= 'Z') {
                return (char) (c + 32);
            }
            // the characters of \s are one: a pattern's \s stands for any of them
            return c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' ? ' ' : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
