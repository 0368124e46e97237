package pm.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the results of a pure function of short strings that repeat from file to file (headings,
 * statuses): a directory of postmortems asks the same few thousand times. Thread-safe; it stops
 * remembering new strings once it holds {@link #LIMIT}, so memory stays bounded.
 */
final class StringMemo<V> {
    static final int LIMIT = 4096;
    private static final int LONGEST = 200;

    private final ConcurrentHashMap<String, V> known = new ConcurrentHashMap<>();
    private final Function<String, V> function;

    StringMemo(Function<String, V> function) {
        this.function = function;
    }

    V get(String key) {
        if (key.length() > LONGEST) {
            return function.apply(key);
        }
        V v = known.get(key);
        if (v == null) {
            v = function.apply(key);
            if (known.size() < LIMIT) {
                known.putIfAbsent(key, v);
            }
        }
        return v;
    }
}
