package pm.source;

import java.nio.file.Path;
import pm.io.InputException;
import pm.model.SourceText;

/**
 * One postmortem a source offers: the name pm shows it under, where it is in the working tree, and how to read
 * its text (from the working tree, the git index or a commit). Reading may happen on any thread.
 */
public record Input(String name, Path path, Reader reader) implements Listing.Entry {

    /** Reads the text; a file that cannot be read throws with a one-line reason. */
    @FunctionalInterface
    public interface Reader {
        SourceText read() throws InputException;
    }

    public SourceText read() throws InputException {
        return reader.read();
    }
}
