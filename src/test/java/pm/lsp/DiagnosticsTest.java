package pm.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import pm.lint.Finding;
import pm.lint.Severity;
import pm.model.SourceText;
import pm.model.Span;

/** Findings as LSP diagnostics: 1-based inclusive spans to 0-based exclusive ranges in UTF-16 units. */
class DiagnosticsTest {
    private static Range range(int line, int from, int toLine, int to) {
        return new Range(new Position(line, from), new Position(toLine, to));
    }

    /** The span pm's own SourceText gives for a phrase, as rules report it. */
    private static Span spanOf(String text, String phrase) {
        SourceText src = SourceText.of(text);
        int at = src.text().indexOf(phrase);
        return src.span(at, at + phrase.length());
    }

    @Test
    void aSpanBecomesAZeroBasedRangeWithAnExclusiveEnd() {
        String text = "# T\n\nKevin should have checked.\n";
        assertThat(Diagnostics.range(spanOf(text, "should have"), text)).isEqualTo(range(2, 6, 2, 17));
    }

    @Test
    void columnsAreUtf16UnitsOnANonAsciiLine() {
        String line = "Ünï 😀 ç: Kevin should have checked.";
        String text = "# T\n" + line + "\n";
        Range r = Diagnostics.range(spanOf(text, "should"), text);
        // 'Ü', 'ï', 'ç' are one unit each, the emoji two: 16, where code points count 15 and UTF-8 bytes 21
        assertThat(r.getStart().getCharacter()).isEqualTo(line.indexOf("should")).isEqualTo(16);
        assertThat(line.substring(r.getStart().getCharacter(), r.getEnd().getCharacter())).isEqualTo("should");
    }

    @Test
    void aSpanEndingOnAnEmojiTakesTheWholeSurrogatePair() {
        String text = "ab 😀 cd\n";
        // pm's end column is that of the emoji's first unit
        Range r = Diagnostics.range(new Span(1, 4, 1, 4), text);
        assertThat(text.substring(r.getStart().getCharacter(), r.getEnd().getCharacter())).isEqualTo("😀");
    }

    @Test
    void crlfAndLoneCrBreakLinesAsPmCountsThem() {
        String text = "a\r\nb\rKevin should have\r\n";
        assertThat(Diagnostics.range(spanOf(text, "should"), text)).isEqualTo(range(2, 6, 2, 12));
    }

    @Test
    void aByteOrderMarkIsACharacterOfTheEditorsFirstLine() {
        String text = "\uFEFFKevin should\n";
        Range r = Diagnostics.range(spanOf(text, "should"), text);
        assertThat(text.substring(r.getStart().getCharacter(), r.getEnd().getCharacter())).isEqualTo("should");
    }

    @Test
    void aSpanPastItsLineOrTheTextIsKeptInside() {
        String text = "short\nline two\n";
        assertThat(Diagnostics.range(new Span(1, 1, 1, 99), text)).isEqualTo(range(0, 0, 0, 5));
        assertThat(Diagnostics.range(new Span(0, 0, 0, 0), text).getStart()).isEqualTo(new Position(0, 0));
        assertThat(Diagnostics.range(new Span(9, 1, 9, 3), text).getStart().getLine()).isEqualTo(2);
    }

    @Test
    void severitiesMapOneToOne() {
        assertThat(Diagnostics.severity(Severity.ERROR)).isEqualTo(DiagnosticSeverity.Error);
        assertThat(Diagnostics.severity(Severity.WARNING)).isEqualTo(DiagnosticSeverity.Warning);
        assertThat(Diagnostics.severity(Severity.INFO)).isEqualTo(DiagnosticSeverity.Information);
    }

    @Test
    void theSuggestionGoesInTheMessageForAClientWithoutRelatedInformation() {
        Finding f = new Finding("p.md", Span.at(1, 1), "blame-language", Severity.ERROR, "judges Kevin", "Say what made it easy");
        Diagnostic plain = Diagnostics.of(f, "file:///p.md", "Kevin\n", false);
        assertThat(plain.getMessage()).isEqualTo("judges Kevin\nsuggestion: Say what made it easy");
        assertThat(plain.getRelatedInformation()).isNull();
        Diagnostic related = Diagnostics.of(f, "file:///p.md", "Kevin\n", true);
        assertThat(related.getMessage()).isEqualTo("judges Kevin");
        assertThat(related.getRelatedInformation()).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).isEqualTo("suggestion: Say what made it easy"));
        assertThat(related.getCode().getLeft()).isEqualTo("blame-language");
        assertThat(related.getSource()).isEqualTo("pm");
    }

    @Test
    void anEditReplacesOnlyWhatChangedAndNeverSplitsACrlf() {
        TextEdit e = LspServer.edit("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n");
        assertThat(e.getRange()).isEqualTo(range(1, 0, 1, 1));
        assertThat(e.getNewText()).isEqualTo("B");
        TextEdit added = LspServer.edit("x\r\n", "x\r\ny\r\n");
        assertThat("x\r\n".substring(0, 3) + added.getNewText()).isEqualTo("x\r\ny\r\n");
        assertThat(added.getRange().getStart()).isEqualTo(new Position(1, 0));
        TextEdit emoji = LspServer.edit("😀", "😃");
        assertThat(emoji.getRange()).isEqualTo(range(0, 0, 0, 2));
        assertThat(emoji.getNewText()).isEqualTo("😃");
    }
}
