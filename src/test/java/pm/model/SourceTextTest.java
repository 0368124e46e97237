package pm.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceTextTest {
    @Test
    void linesAndColumnsAreOneBased() {
        SourceText s = SourceText.of("ab\ncd\n\nef");
        assertThat(s.lineCount()).isEqualTo(4);
        assertThat(s.line(0)).isEqualTo(1);
        assertThat(s.column(1)).isEqualTo(2);
        assertThat(s.line(3)).isEqualTo(2);
        assertThat(s.column(4)).isEqualTo(2);
        assertThat(s.lineText(3)).isEmpty();
        assertThat(s.lineText(4)).isEqualTo("ef");
    }

    @Test
    void crlfAndBomDoNotShiftColumns() {
        SourceText s = SourceText.of("\uFEFFab\r\ncd");
        assertThat(s.hasBom()).isTrue();
        assertThat(s.text()).startsWith("ab");
        assertThat(s.lineText(1)).isEqualTo("ab");
        assertThat(s.line(4)).isEqualTo(2);
        assertThat(s.column(5)).isEqualTo(2);
        assertThat(s.lineSeparator()).isEqualTo("\r\n");
    }

    @Test
    void loneCarriageReturnEndsALine() {
        SourceText s = SourceText.of("a\rb");
        assertThat(s.lineCount()).isEqualTo(2);
        assertThat(s.lineText(2)).isEqualTo("b");
    }
}
