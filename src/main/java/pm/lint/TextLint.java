package pm.lint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import pm.io.InputException;
import pm.model.Postmortem;
import pm.io.TextFiles;
import pm.parse.PostmortemParser;
import pm.parse.UnreadableBody;

/**
 * Lints a text that is not read from disk (an editor's buffer, standard input) as if it were the file at a path: parsed and linted
 * as {@link LintRun} would lint that file, its {@code pm-disable} comments applied. The caller has resolved the
 * configuration from the path (the {@code .pm.yml} found from its folder) into the parser and the linter. One
 * instance lints any number of texts, on any thread.
 */
public final class TextLint {
    private final PostmortemParser parser;
    private final Linter linter;

    /** @param parser and {@code linter} made from the configuration that governs the files to lint */
    public TextLint(PostmortemParser parser, Linter linter) {
        this.parser = parser;
        this.linter = linter;
    }

    /**
     * What linting a text gave: the postmortem as parsed (for a fix), its findings in file order, and whether it
     * was linted as a draft.
     */
    public record Linted(Postmortem postmortem, List<Finding> findings, boolean draft) {
    }

    /**
     * Parses and lints {@code text} as if it were the file at {@code path}.
     *
     * @param text the whole text (a leading byte order mark is kept out of columns, as for a file)
     * @param name the file as findings name it
     * @throws InputException when the text cannot be linted (binary, too large, a body nested too deep), naming
     *                        {@code path} and the line where known
     */
    public Linted lint(Path path, String text, String name) throws InputException {
        return lint(path, text.getBytes(StandardCharsets.UTF_8), name);
    }

    /** {@link #lint(Path, String, String)} for bytes as read (standard input): strict UTF-8, as a file is read. */
    public Linted lint(Path path, byte[] content, String name) throws InputException {
        Postmortem pm = parse(path, content);
        return new Linted(pm, linter.lint(pm, name), linter.isDraft(pm));
    }

    /** Parses {@code text} as if it were the file at {@code path}, as {@link #lint} does. */
    public Postmortem parse(Path path, String text) throws InputException {
        return parse(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private Postmortem parse(Path path, byte[] content) throws InputException {
        if (content.length > TextFiles.MAX_BYTES) {
            throw new InputException(path, 0, "is larger than pm reads (" + TextFiles.MAX_BYTES / (1024 * 1024)
                    + " MB); move logs and data out of the postmortem");
        }
        try {
            return parser.parse(path, TextFiles.decode(path, content));
        } catch (UnreadableBody e) {
            throw new InputException(path, e.line(), e.getMessage());
        }
    }
}
