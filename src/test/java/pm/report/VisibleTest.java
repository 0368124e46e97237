package pm.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every human-facing writer does to user text: control characters become visible, nothing else changes. */
class VisibleTest {
    @Test
    void textWithoutControlCharactersIsReturnedAsItIs() {
        String plain = "Fix a|b <b> \\e 50% — “quoted” \u202Eé 😀";
        assertThat(Visible.of(plain)).isSameAs(plain);
        assertThat(Visible.of("")).isEmpty();
        assertThat(Visible.of(null)).isNull();
    }

    @Test
    void terminalSequencesLoseTheirEscapeCharacter() {
        assertThat(Visible.of("a\u001b[2Jb")).isEqualTo("a\\e[2Jb"); // CSI: clear the screen
        assertThat(Visible.of("\u001b]8;;https://evil\u001b\\x\u001b]8;;\u001b\\")) // OSC 8: a forged link
                .isEqualTo("\\e]8;;https://evil\\e\\x\\e]8;;\\e\\");
        assertThat(Visible.of("\u001b]52;c;ZXZpbA==\u0007")).isEqualTo("\\e]52;c;ZXZpbA==\\x07"); // OSC 52: the clipboard
        assertThat(Visible.of("\u009b2J \u009d0;t\u009c")).isEqualTo("\\x9b2J \\x9d0;t\\x9c"); // the C1 forms
    }

    @Test
    void lineBreaksAndOtherControlsBecomeEscapesSoTheTextStaysOnOneLine() {
        assertThat(Visible.of("one\ntwo\r\nthree\tfour")).isEqualTo("one\\ntwo\\r\\nthree\\tfour");
        assertThat(Visible.of("a\u2028b\u2029c\u0085d")).isEqualTo("a\\u2028b\\u2029c\\x85d");
        assertThat(Visible.of("\u0000\u0008\u007f")).isEqualTo("\\x00\\x08\\x7f");
        for (char c = 0; c < 0xa0; c++) {
            assertThat(Visible.of("x" + c).lines()).as("U+%04X", (int) c).hasSize(1);
            assertThat(Visible.firstControl("x" + c)).as("U+%04X", (int) c).isEqualTo(c < 0x20 || c >= 0x7f ? 1 : -1);
        }
    }

    @Test
    void escapeNamesOneCharacter() {
        assertThat(Visible.escape('\u001b')).isEqualTo("\\e");
        assertThat(Visible.escape('\n')).isEqualTo("\\n");
        assertThat(Visible.escape('\u0007')).isEqualTo("\\x07");
    }
}
