package pm.io;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * A user's file or argument that pm cannot use. Commands print it as one line
 * ({@code file:line: what is wrong; what to do}) and exit 2; it never shows a stack trace.
 */
public final class InputException extends Exception {
    private final Path file;
    private final int line;

    public InputException(Path file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }

    public InputException(String message) {
        this(null, 0, message);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** {@code file:line: message}, leaving out what is unknown; the file named by {@code names}. */
    public String oneLine(Function<Path, String> names) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(names.apply(file)).append(':');
            if (line > 0) {
                sb.append(line).append(':');
            }
            sb.append(' ');
        }
        return sb.append(getMessage()).toString();
    }
}
