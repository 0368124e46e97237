package pm.overdue;

import pm.io.InputException;
import pm.model.SourceText;

/** A file to report on: how it is shown, and how to read it (from the working tree or a git blob). */
public record PostmortemInput(String file, Loader loader) {

    /** Reads the file's text; a file that cannot be read throws with a one-line reason. */
    @FunctionalInterface
    public interface Loader {
        SourceText load() throws InputException;
    }
}
