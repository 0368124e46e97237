package pm.lint;

import java.util.ArrayList;
import java.util.List;
import pm.model.FrontMatter;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.parse.YamlSlips;

/**
 * {@code pm lint --fix} for the YAML slips people make in front matter ({@link YamlSlips}): quotes an unquoted
 * {@code @handle}, replaces a tab in the indentation, adds the space after a key's colon, writes a date's zeros.
 * Only the slips' lines change, each within the line (its line break and every other byte of the file stay as they
 * were), and only when the fixed front matter then reads as YAML: a fix is never a guess. In front matter that
 * already reads, only dates are fixed: there the other patterns may be the text of a multi-line value.
 */
public final class FrontMatterFix {
    private FrontMatterFix() {
    }

    /** The new text (without the byte order mark, which the caller keeps) and what changed, line by line. */
    public record Fixed(String text, String summary) {
    }

    /** The fixed text, or {@code null} when there is nothing this fix can do. */
    public static Fixed apply(Postmortem pm) {
        FrontMatter fm = pm.frontMatter();
        if (!fm.present() || fm.span() == null || fm.span().line() != 1) {
            return null;
        }
        SourceText src = pm.source();
        int close = fm.span().endLine();
        if (close <= 2) {
            return null;
        }
        List<String> lines = new ArrayList<>(close - 2);
        for (int line = 2; line < close; line++) {
            lines.add(src.lineText(line));
        }
        List<YamlSlips.Slip> slips = YamlSlips.find(lines, 2);
        if (fm.readable()) {
            slips = slips.stream().filter(YamlSlips.Slip::dateOnly).toList();
        }
        if (YamlSlips.fixed(lines, 2, slips) == null) {
            return null;
        }
        String text = src.text();
        StringBuilder out = new StringBuilder(text.length() + 16 * slips.size());
        int at = 0;
        List<String> said = new ArrayList<>();
        for (YamlSlips.Slip s : slips) {
            int start = src.lineStart(s.line());
            out.append(text, at, start).append(s.fixedLine());
            at = start + src.lineText(s.line()).length();
            said.add("line " + s.line() + ": " + s.fixedLine().strip());
        }
        out.append(text, at, text.length());
        return new Fixed(out.toString(), String.join(", ", said));
    }
}
