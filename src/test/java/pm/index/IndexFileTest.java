package pm.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.io.InputException;

/** The markers, the text around them kept byte for byte, line endings and byte-order mark, and --check's diff. */
class IndexFileTest {
    @TempDir
    Path dir;

    private static final List<String> BLOCK = List.of(Table.START, "new", Table.END);

    private IndexFile of(String text) throws Exception {
        Path f = dir.resolve("README.md");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return IndexFile.read(f);
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void aMissingFileIsCreatedWithAHeading() throws Exception {
        IndexFile f = IndexFile.read(dir.resolve("none.md"));
        assertThat(f.exists()).isFalse();
        assertThat(str(f.with(BLOCK))).isEqualTo("# Postmortems\n\n" + Table.START + "\nnew\n" + Table.END + "\n");
    }

    @Test
    void withoutMarkersTheBlockIsAppendedAfterABlankLine() throws Exception {
        assertThat(str(of("# Ours\n\nText.\n").with(BLOCK)))
                .isEqualTo("# Ours\n\nText.\n\n" + Table.START + "\nnew\n" + Table.END + "\n");
        assertThat(str(of("# Ours\nno newline").with(BLOCK)))
                .isEqualTo("# Ours\nno newline\n\n" + Table.START + "\nnew\n" + Table.END + "\n");
    }

    @Test
    void onlyTheBlockChangesAndCrlfAndTheByteOrderMarkAreKept() throws Exception {
        String before = "\uFEFF# Ours\r\n\r\nIntro  with trailing spaces  \r\n   " + Table.START + "  \r\nold\r\n";
        String after = Table.END + "\r\n\r\nOutro, no final line break";
        IndexFile f = of(before + after);
        assertThat(f.bom()).isTrue();
        assertThat(f.eol()).isEqualTo("\r\n");
        assertThat(f.blockLines()).containsExactly(Table.START, "old", Table.END);
        assertThat(str(f.with(BLOCK))).isEqualTo("\uFEFF# Ours\r\n\r\nIntro  with trailing spaces  \r\n"
                + Table.START + "\r\nnew\r\n" + Table.END + "\r\n\r\nOutro, no final line break");
        // the same block again gives the same bytes
        IndexFile again = of(str(f.with(BLOCK)));
        assertThat(again.with(BLOCK)).isEqualTo(again.bytes());
        assertThat(of(before + after).bytes()).isEqualTo((before + after).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void markersTwiceOrOutOfOrderNameTheFileAndLine() {
        assertThatThrownBy(() -> of("a\n" + Table.START + "\nb\n" + Table.START + "\n" + Table.END + "\n"))
                .isInstanceOf(InputException.class).satisfies(e -> {
                    assertThat(((InputException) e).line()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("a second", "first is on line 2");
                });
        assertThatThrownBy(() -> of(Table.START + "\n" + Table.END + "\n" + Table.END + "\n"))
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> of("x\n" + Table.END + "\n" + Table.START + "\n"))
                .satisfies(e -> {
                    assertThat(((InputException) e).line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("comes before");
                });
        assertThatThrownBy(() -> of("x\n" + Table.START + "\n"))
                .satisfies(e -> assertThat(e.getMessage()).contains("no '" + Table.END + "'"));
        assertThatThrownBy(() -> {
            Files.write(dir.resolve("bad.md"), new byte[] {'a', (byte) 0xC3, '\n'});
            IndexFile.read(dir.resolve("bad.md"));
        }).satisfies(e -> assertThat(e.getMessage()).contains("not UTF-8"));
    }

    @Test
    void aMarkerInsideALineIsText() throws Exception {
        IndexFile f = of("See `" + Table.START + "` in the docs.\n");
        assertThat(f.hasBlock()).isFalse();
    }

    @Test
    void theDiffShowsTheChangedLinesOnlyAndIgnoresOverdueCounts() {
        List<String> old = List.of("s", "| 2025-01-01 | [A](a.md) | SEV1 | api | published | 1/2 | 0 |",
                "| 2024-01-01 | [B](b.md) | SEV1 | api | published | 1/2 | 0 |", "e");
        List<String> now = List.of("s", "| 2025-02-01 | [C](c.md) | SEV2 | web | draft | — | 0 |",
                "| 2025-01-01 | [A](a.md) | SEV1 | api | published | 1/2 | 3 |",
                "| 2024-01-01 | [B](b.md) | SEV1 | api | published | 2/2 | 0 |", "e");
        assertThat(IndexFile.diff(old, now, 40)).containsExactly(
                "-| 2024-01-01 | [B](b.md) | SEV1 | api | published | 1/2 | 0 |",
                "+| 2025-02-01 | [C](c.md) | SEV2 | web | draft | — | 0 |",
                "+| 2024-01-01 | [B](b.md) | SEV1 | api | published | 2/2 | 0 |");
        assertThat(IndexFile.diff(old, old.stream().map(l -> l.replace("| 0 |", "| 9 |")).toList(), 40)).isEmpty();
        assertThat(IndexFile.diff(List.of("a", "b", "c"), List.of("x", "y", "z"), 2))
                .containsExactly("-a", "-b", "… and 4 more changed lines");
    }
}
