package pm.memo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Remembers the results of a pure function whose arguments repeat from file to file (headings, statuses,
 * owners, table headers): a directory of postmortems asks the same few thousand times. Thread-safe; it
 * stops remembering new arguments once it holds {@link #LIMIT}, so memory stays bounded.
 */
public final class BoundedMemo<K, V> {
    static final int LIMIT = 4096;
    /** Longer strings are worked out every time: they seldom repeat and would take room. */
    private static final int LONGEST = 200;

    private final ConcurrentHashMap<K, V> known = new ConcurrentHashMap<>();
    private final Function<K, V> function;
    private final Predicate<K> keep;

    /** @param keep which arguments are worth remembering (an argument kept must not change afterwards) */
    public BoundedMemo(Function<K, V> function, Predicate<K> keep) {
        this.function = function;
        this.keep = keep;
    }

    /** A memo of a function of strings, remembering those of up to 200 characters. */
    public static <V> BoundedMemo<String, V> ofStrings(Function<String, V> function) {
        return new BoundedMemo<>(function, s -> s.length() <= LONGEST);
    }

    public V get(K key) {
        V v = known.get(key);
        if (v == null) {
            v = function.apply(key);
            if (known.size() < LIMIT && keep.test(key)) {
                known.putIfAbsent(key, v);
            }
        }
        return v;
    }
}
