package pm.lint;

import java.nio.file.Path;
import java.util.List;
import pm.io.InputException;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.UnreadableBody;

/**
 * Lints a text that is not read from disk (an editor's buffer) as if it were the file at a path: parsed and linted
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
     * @throws InputException when the Markdown body cannot be read, naming {@code path} and the line
     */
    public Linted lint(Path path, String text, String name) throws InputException {
        Postmortem pm = parse(path, text);
        return new Linted(pm, linter.lint(pm, name), linter.isDraft(pm));
    }

    /** Parses {@code text} as if it were the file at {@code path}, as {@link #lint} does. */
    public Postmortem parse(Path path, String text) throws InputException {
        try {
            return parser.parse(path, SourceText.of(text));
        } catch (UnreadableBody e) {
            throw new InputException(path, e.line(), e.getMessage());
        }
    }
}
