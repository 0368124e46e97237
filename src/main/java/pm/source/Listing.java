package pm.source;

import java.util.ArrayList;
import java.util.List;
import pm.io.InputException;

/**
 * What a source offers, in its order: the postmortems to read, and, where they were found, the files it could
 * not offer (a folder that cannot be listed, a missing path). Close it when done: a listing from git keeps the
 * repository open for its inputs to read.
 */
public final class Listing implements AutoCloseable {
    /** An input, or a file that could not be offered. */
    public sealed interface Entry permits Input, Unreadable {
    }

    /** A file a source could not offer, and why. */
    public record Unreadable(InputException error) implements Entry {
    }

    private final List<Entry> entries;
    private final AutoCloseable resource;

    Listing(List<Entry> entries, AutoCloseable resource) {
        this.entries = List.copyOf(entries);
        this.resource = resource;
    }

    /** A listing of these entries that holds nothing open. */
    public static Listing of(List<Entry> entries) {
        return new Listing(entries, null);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The inputs alone, in order. */
    public List<Input> inputs() {
        List<Input> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e instanceof Input in) {
                out.add(in);
            }
        }
        return out;
    }

    /** What could not be offered, in order. */
    public List<InputException> problems() {
        List<InputException> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e instanceof Unreadable u) {
                out.add(u.error());
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing a repository opened for reading only cannot lose anything
            }
        }
    }
}
