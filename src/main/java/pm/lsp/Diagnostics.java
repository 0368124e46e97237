package pm.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import pm.lint.Finding;
import pm.lint.RuleMeta;
import pm.lint.rules.Rules;
import pm.lint.Severity;
import pm.model.Span;

/**
 * pm's findings as LSP diagnostics. A finding's span counts lines and columns from 1, columns in UTF-16 code units,
 * its end column inclusive; LSP counts from 0, in UTF-16 code units too (the encoding the server announces), its end
 * exclusive. A leading byte order mark is not a column of pm's but is a character of the editor's line 0.
 */
final class Diagnostics {
    /** The diagnostics' source, as editors show it. */
    static final String SOURCE = "pm";

    private Diagnostics() {
    }

    /**
     * One finding as a diagnostic of the document {@code uri} whose text is {@code text}.
     *
     * @param related give the suggestion as related information (the client shows it) rather than in the message
     */
    static Diagnostic of(Finding f, String uri, String text, boolean related) {
        Range range = range(f.span(), text);
        String message = f.note() == null ? f.message() : f.message() + " (" + f.note() + ")";
        boolean suggests = f.suggestion() != null && !f.suggestion().isBlank();
        if (suggests && !related) {
            message = message + "\nsuggestion: " + f.suggestion();
        }
        Diagnostic d = new Diagnostic(range, message, severity(f.severity()), SOURCE, f.rule());
        for (RuleMeta meta : Rules.metas()) {
            if (meta.id().equals(f.rule())) {
                d.setCodeDescription(new DiagnosticCodeDescription(meta.docUrl())); // the README's anchor for it
            }
        }
        if (suggests && related) {
            d.setRelatedInformation(List.of(new DiagnosticRelatedInformation(new Location(uri, range),
                    "suggestion: " + f.suggestion())));
        }
        return d;
    }

    static List<Diagnostic> of(List<Finding> findings, String uri, String text, boolean related) {
        List<Diagnostic> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(of(f, uri, text, related));
        }
        return out;
    }

    /** A problem with the file as a whole (its configuration, a body pm cannot read): on {@code line} (1-based), or the first. */
    static Diagnostic problem(String code, String message, int line, String text) {
        Range range = line > 0 ? range(new Span(line, 1, line, Integer.MAX_VALUE), text) : new Range(new Position(0, 0),
                new Position(0, 0));
        return new Diagnostic(range, message, DiagnosticSeverity.Error, SOURCE, code);
    }

    static DiagnosticSeverity severity(Severity s) {
        switch (s) {
            case ERROR:
                return DiagnosticSeverity.Error;
            case WARNING:
                return DiagnosticSeverity.Warning;
            default:
                return DiagnosticSeverity.Information;
        }
    }

    /**
     * A span as an LSP range in {@code text}: 0-based, end exclusive, kept within the lines of the text (a span past
     * the end of its line ends at the line's end; one that ends on the first half of a surrogate pair takes the pair).
     */
    static Range range(Span span, String text) {
        Lines lines = new Lines(text);
        int startLine = Math.max(1, span.line()) - 1;
        int endLine = Math.max(startLine, span.endLine() - 1);
        int start = lines.character(startLine, Math.max(1, span.column()) - 1);
        int end;
        if (endLine == startLine) {
            end = lines.character(endLine, Math.max(span.column(), span.endColumn()));
        } else {
            end = lines.character(endLine, Math.max(1, span.endColumn()));
        }
        if (end > 0 && lines.endsInsidePair(endLine, end)) {
            end++;
        }
        return new Range(new Position(lines.clamp(startLine), start), new Position(lines.clamp(endLine), end));
    }

    /**
     * Where each line of a text starts, with LSP's line breaks ({@code \n}, {@code \r\n}, {@code \r}: pm's own), and
     * offsets turned into positions.
     */
    static final class Lines {
        private final String text;
        private final int[] starts;
        private final int bom;

        Lines(String text) {
            this.text = text;
            this.bom = text.startsWith("\uFEFF") ? 1 : 0;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        int clamp(int line) {
            return Math.min(line, starts.length - 1);
        }

        /** The length of a 0-based line, without its line break. */
        int length(int line) {
            int l = clamp(line);
            int end = l + 1 < starts.length ? starts[l + 1] : text.length();
            while (end > starts[l] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            return end - starts[l];
        }

        /** The LSP character of pm's 0-based column on a 0-based line, within the line. */
        int character(int line, int column) {
            if (line >= starts.length) {
                return length(line);
            }
            int c = line == 0 ? column + bom : column;
            return Math.max(0, Math.min(c, length(line)));
        }

        boolean endsInsidePair(int line, int character) {
            int l = clamp(line);
            int i = starts[l] + character;
            return character < length(l) && Character.isLowSurrogate(text.charAt(i))
                    && Character.isHighSurrogate(text.charAt(i - 1));
        }

        /** The position of an offset into the text. */
        Position position(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            int line = i >= 0 ? i : -i - 2;
            return new Position(line, offset - starts[line]);
        }
    }
}
