package pm.parse;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * flexmark's heading parser, asked only about lines that can be a heading. The core one copies the whole
 * paragraph it stands in for every line it sees, which makes a long paragraph or table (a pasted log, a
 * 100,000-row timeline) take quadratic time; lines that cannot start an ATX heading or be a setext
 * underline are now turned away first, so parsing stays linear. Headings parse exactly as before.
 */
final class LinearHeadings implements CustomBlockParserFactory, Parser.ParserExtension {
    /** An ATX opening ({@code #} to {@code ######} then a space or the end) or a setext underline. */
    private static final Pattern CAN_BE_HEADING = Pattern.compile("#{1,6}(?:[ \\t].*|)|=+[ \\t]*|-+[ \\t]*");

    private final HeadingParser.Factory core = new HeadingParser.Factory();

    /** Replaces the core heading parser in a parser's options. */
    static void install(MutableDataHolder options) {
        options.set(Parser.HEADING_PARSER, false);
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory heading = core.apply(options);
        return (state, matched) -> {
            BasedSequence line = state.getLine();
            int start = state.getNextNonSpaceIndex();
            if (start >= line.length()) {
                return BlockStart.none();
            }
            char c = line.charAt(start);
            if ((c != '#' && c != '=' && c != '-')
                    || !CAN_BE_HEADING.matcher(line.subSequence(start, line.length()).trimEOL()).matches()) {
                return BlockStart.none();
            }
            return heading.tryStart(state, matched);
        };
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return core.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return core.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return core.affectsGlobalScope();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return core.getLeadInHandler(options);
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(this);
    }
}
