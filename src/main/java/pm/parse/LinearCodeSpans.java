package pm.parse;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Code spans ({@code `code`}) found in linear time. flexmark's own code-span parser searches the rest of the
 * paragraph for a closing run, copying it, at every backtick, so a paragraph of pasted shell output with
 * many backticks took quadratic time (100 KB: 7 s; 400 KB: 90 s). Here the backtick runs of a paragraph are
 * indexed once and each opening finds its closing run of the same length by binary search. The nodes are
 * the ones flexmark builds: a {@link Code} with the text as a {@link Text} child, or the backticks as text
 * when no closing run follows.
 */
final class LinearCodeSpans implements Parser.ParserExtension, InlineParserExtensionFactory {

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(this);
    }

    @Override
    public CharSequence getCharacters() {
        return "`";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser parser) {
        return new Extension();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }

    private static final class Extension implements InlineParserExtension {
        private BasedSequence indexed;
        /** Start offsets of the maximal backtick runs of {@link #indexed}, by run length, ascending. */
        private Map<Integer, int[]> runs;

        @Override
        public void finalizeDocument(InlineParser parser) {
        }

        @Override
        public void finalizeBlock(InlineParser parser) {
        }

        @Override
        public boolean parse(LightInlineParser parser) {
            BasedSequence input = parser.getInput();
            int start = parser.getIndex();
            int n = 0;
            while (start + n < input.length() && input.charAt(start + n) == '`') {
                n++;
            }
            if (n == 0) {
                return false;
            }
            int close = nextRun(input, start + n, n);
            if (close < 0) {
                parser.setIndex(start + n);
                parser.appendText(input.subSequence(start, start + n));
                return true;
            }
            BasedSequence text = input.subSequence(start + n, close);
            Code code = new Code(input.subSequence(start, start + n), text, input.subSequence(close, close + n));
            code.appendChild(new Text(text));
            parser.appendNode(code);
            parser.setIndex(close + n);
            return true;
        }

        /** Start of the first maximal run of exactly {@code length} backticks at or after {@code from}, or -1. */
        private int nextRun(BasedSequence input, int from, int length) {
            if (input != indexed) {
                index(input);
            }
            int[] starts = runs.get(length);
            if (starts == null) {
                return -1;
            }
            int i = Arrays.binarySearch(starts, from);
            int at = i >= 0 ? i : -i - 1;
            return at < starts.length ? starts[at] : -1;
        }

        private void index(BasedSequence input) {
            Map<Integer, int[]> byLength = new HashMap<>();
            Map<Integer, Integer> counts = new HashMap<>();
            int len = input.length();
            for (int i = 0; i < len; ) {
                if (input.charAt(i) != '`') {
                    i++;
                    continue;
                }
                int s = i;
                while (i < len && input.charAt(i) == '`') {
                    i++;
                }
                int n = i - s;
                int c = counts.getOrDefault(n, 0);
                int[] a = byLength.computeIfAbsent(n, k -> new int[4]);
                if (c == a.length) {
                    a = Arrays.copyOf(a, c * 2);
                    byLength.put(n, a);
                }
                a[c] = s;
                counts.put(n, c + 1);
            }
            byLength.replaceAll((n, a) -> Arrays.copyOf(a, counts.get(n)));
            indexed = input;
            runs = byLength;
        }
    }
}
