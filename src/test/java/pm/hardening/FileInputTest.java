package pm.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.model.Postmortem;
import pm.model.SourceText;

/** Reading a user's file from disk: whatever is there gives text or one {@link InputException} saying what to do. */
class FileInputTest {
    @TempDir
    Path dir;

    private static String message(Path file) {
        try {
            TextFiles.read(file);
            throw new AssertionError("expected an input error for " + file);
        } catch (InputException e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\n");
            return e.getMessage();
        }
    }

    @Test
    @Timeout(60)
    void twentyMegabyteFileWithAPastedLogIsReadAndParsedInBoundedTime() throws Exception {
        Path file = dir.resolve("big.md");
        String head = Inputs.CLEAN.replace("## Lessons learned", "```\n");
        String tail = "```\n\n## Lessons learned\n\nKeep logs out of postmortems.\n";
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Inputs.utf8(head));
            byte[] line = Inputs.utf8("2025-03-14T09:12:00.123Z ERROR payments-api: connection to db-1 refused\n");
            for (long n = 0; n < 20L * 1024 * 1024 / line.length; n++) {
                out.write(line);
            }
            out.write(Inputs.utf8(tail));
        }
        assertThat(Files.size(file)).isGreaterThan(20L * 1024 * 1024);
        long t0 = System.nanoTime();
        SourceText text = TextFiles.read(file);
        Postmortem pm = Inputs.PARSER.parse(file, text);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30)); // ~2 s measured
        assertThat(pm.frontMatter().problems()).isEmpty();
        assertThat(pm.sections()).last().satisfies(s -> assertThat(s.heading()).isEqualTo("Lessons learned"));
    }

    @Test
    void fileOverTheSizeLimitIsRefusedWithoutReadingIt() throws IOException {
        Path file = dir.resolve("huge.md");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), TextFiles.MAX_BYTES + 1024 * 1024); // sparse
        }
        assertThat(message(file)).isEqualTo("file is 33 MB, more than pm reads (32 MB); move logs and data out of "
                + "the postmortem");
    }

    @Test
    void asciiAndUtf8TextDecodeToTheSameCharactersTheJdkGives() throws Exception {
        java.util.Random random = new java.util.Random(7);
        String[] pieces = {"a", "Z", " ", "\n", "\r\n", "\t", "~", "\u007f", "é", "日本", "\uD83D\uDD25", "\u0000"};
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder(i % 2 == 0 ? "x".repeat(8000) : "");
            for (int k = random.nextInt(40); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (text.indexOf('\u0000') >= 0 && text.indexOf('\u0000') < 8000) {
                continue; // a NUL near the start means a binary file
            }
            // a NUL after the first 8000 bytes is text, as is everything else
            SourceText decoded = TextFiles.decode(Path.of("x.md"), bytes);
            assertThat(decoded.text()).isEqualTo(text);
            SourceText expected = SourceText.of(text); // lines found while decoding are the ones it finds
            assertThat(decoded.lineCount()).as(text).isEqualTo(expected.lineCount());
            for (int line = 1; line <= expected.lineCount(); line++) {
                assertThat(decoded.lineStart(line)).isEqualTo(expected.lineStart(line));
            }
        }
        assertThatThrownBy(() -> TextFiles.decode(Path.of("x.md"), new byte[] {'a', 0, 'b'}))
                .hasMessageContaining("is a binary file");
        assertThatThrownBy(() -> TextFiles.decode(Path.of("x.md"), new byte[] {'a', (byte) 0xC3, 'b'}))
                .hasMessageContaining("is not valid UTF-8 (byte 2)");
    }

    @Test
    void directoryNamedLikeAPostmortemIsNamedAsADirectory() throws IOException {
        assertThat(message(Files.createDirectory(dir.resolve("2025-01-01-x.md")))).isEqualTo("is a directory, not a file");
    }

    @Test
    void missingFileAndBrokenSymlinkAreToldApart() throws IOException {
        assertThat(message(dir.resolve("gone.md"))).isEqualTo("no such file");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), dir.resolve("nowhere.md"));
        assertThat(message(link)).isEqualTo("is a broken symbolic link");
    }

    @Test
    void symlinkLoopIsOneLineSayingToFixTheLink() throws IOException {
        Path a = dir.resolve("a.md");
        Path b = dir.resolve("b.md");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThat(message(a)).isEqualTo("is a loop of symbolic links; fix or remove the link");
    }

    @Test
    void binaryFileNamedMdIsRefusedSayingToRemoveIt() throws IOException {
        Path file = dir.resolve("screenshot.md");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertThat(message(file)).isEqualTo("is a binary file, not Markdown text; rename it or remove it from the "
                + "postmortems folder");
    }

    @Test
    void windows1252FileIsRefusedWithTheLineOfTheFirstBadByte() throws IOException {
        Path file = dir.resolve("cp1252.md");
        Files.write(file, "---\ntitle: Caf\u00e9 outage\n---\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThatThrownBy(() -> TextFiles.read(file)).isInstanceOf(InputException.class)
                .hasMessage("is not valid UTF-8 (byte 15); save the file as UTF-8")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void pathsWithSpacesAndNonAsciiAreReadLikeAnyOther() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("Incidents 2025/Zürich – Ωmega"));
        Path file = Files.writeString(sub.resolve("2025-03-14 café outage 🔥.md"), Inputs.CLEAN, StandardCharsets.UTF_8);
        Postmortem pm = Inputs.PARSER.parse(file, TextFiles.read(file));
        assertThat(pm.frontMatter().problems()).isEmpty();
        assertThat(pm.path()).isEqualTo(file);
    }
}
