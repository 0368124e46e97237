package pm.source;

import java.nio.file.Path;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.model.SourceText;

/**
 * One postmortem a source offers: the name pm shows it under, where it is in the working tree, and how to load its
 * bytes (from the working tree, the git index or a commit). Loading may happen on any thread.
 */
public record Input(String name, Path path, Loader loader) implements Listing.Entry {

    /** Loads the file's bytes; a file that cannot be read throws with a one-line reason. */
    @FunctionalInterface
    public interface Loader {
        byte[] load() throws InputException;
    }

    /** The file's bytes as stored. */
    public byte[] content() throws InputException {
        return loader.load();
    }

    /** The file's text: its bytes decoded as strict UTF-8 ({@link TextFiles#decode}). */
    public SourceText read() throws InputException {
        return TextFiles.decode(path, loader.load());
    }
}
