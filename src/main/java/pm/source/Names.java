package pm.source;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * How pm names a file in everything it prints: relative to the working directory when the file is below it,
 * else its absolute path. The one rule for findings, reports, errors and messages.
 */
public record Names(Path cwd) implements Function<Path, String> {
    public Names {
        cwd = cwd.toAbsolutePath().normalize();
    }

    /** The name of {@code file} as pm prints it. */
    public String of(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    @Override
    public String apply(Path file) {
        return of(file);
    }
}
