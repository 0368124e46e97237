package pm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import pm.model.SourceText;

/** Reads a user's text file as strict UTF-8, with limits, turning every failure into an {@link InputException}. */
public final class TextFiles {
    /** Largest postmortem pm reads. Real ones are a few KB; this leaves room for pasted logs. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    private TextFiles() {
    }

    public static SourceText read(Path file) throws InputException {
        return read(file, null);
    }

    /**
     * Like {@link #read(Path)}, for a caller that has just read the file's attributes without following links:
     * a regular file is then not asked for its type and size again (two system calls fewer per file).
     */
    public static SourceText read(Path file, BasicFileAttributes attrs) throws InputException {
        return decode(file, readBytes(file, attrs));
    }

    /** The bytes of a file, with the checks and the messages of {@link #read(Path, BasicFileAttributes)}. */
    public static byte[] readBytes(Path file, BasicFileAttributes attrs) throws InputException {
        byte[] bytes;
        try {
            boolean regular = attrs != null && attrs.isRegularFile();
            if (!regular && Files.isDirectory(file)) {
                throw new InputException(file, 0, "is a directory, not a file");
            }
            long size = regular ? attrs.size() : Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(file, 0, "file is " + size / (1024 * 1024) + " MB, more than pm reads ("
                        + MAX_BYTES / (1024 * 1024) + " MB); move logs and data out of the postmortem");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, Files.isSymbolicLink(file) && !Files.exists(file, new LinkOption[0])
                    ? "is a broken symbolic link" : "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file, 0, "permission denied; check the file's permissions");
        } catch (java.nio.file.FileSystemException e) {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            throw new InputException(file, 0, reason.contains("levels of symbolic links")
                    ? "is a loop of symbolic links; fix or remove the link"
                    : "cannot be read (" + reason.toLowerCase(java.util.Locale.ROOT) + ")");
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot be read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new InputException(file, 0, "file is too large to read");
        }
        return bytes;
    }

    /** Decodes UTF-8 strictly; a NUL byte means a binary file. */
    public static SourceText decode(Path file, byte[] bytes) throws InputException {
        int probe = Math.min(bytes.length, 8000);
        boolean ascii = true;
        boolean cr = false;
        int[] lines = new int[64]; // where lines start, as SourceText would find them when there is no CR
        int count = 1;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b <= '\r') {
                if (b == '\n') {
                    if (count == lines.length) {
                        lines = java.util.Arrays.copyOf(lines, count * 2);
                    }
                    lines[count++] = i + 1;
                } else if (b == '\r') {
                    cr = true;
                } else if (b <= 0) {
                    if (b == 0 && i < probe) {
                        String utf16 = utf16(bytes, probe);
                        throw new InputException(file, 0, utf16 != null ? "is " + utf16 + " text, and pm reads "
                                + "UTF-8: save it as UTF-8 in your editor, or convert it with iconv -f " + utf16
                                + " -t UTF-8" : "is a binary file, not Markdown text; rename it or remove it from the "
                                + "postmortems folder");
                    }
                    ascii &= b == 0;
                }
            }
        }
        if (ascii) {
            // ASCII, as most postmortems are: every byte is its character, and nothing can be malformed
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return cr ? SourceText.of(text) : SourceText.withLines(text, java.util.Arrays.copyOf(lines, count));
        }
        // the JDK's own UTF-8 decoding (one copy, straight into a compact string) replaces a malformed sequence
        // by U+FFFD; valid UTF-8 decodes to the same text either way, so only a text with U+FFFD (from bad bytes,
        // or written so in the file) takes the strict decoder, which tells the two apart
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return SourceText.of(fast);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return SourceText.of(chars.toString());
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes);
            int line = 1;
            for (int i = 0; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputException(file, line, "is not valid UTF-8 (byte " + (bad + 1)
                    + "); save the file as UTF-8");
        }
    }

    /**
     * "UTF-16" (or "UTF-16LE"/"UTF-16BE" without a byte order mark) when the first {@code probe} bytes read as UTF-16
     * text: a byte order mark, or a zero byte in every other place beside mostly ASCII text, as Windows tools write
     * it; otherwise null.
     */
    static String utf16(byte[] bytes, int probe) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return bytes.length >= 4 && bytes[2] == 0 && bytes[3] == 0 ? null : "UTF-16"; // FF FE 00 00: UTF-32
        }
        int pairs = probe / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < probe; i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros * 10 >= pairs * 9 && evenZeros * 10 <= pairs) {
            return "UTF-16LE";
        }
        if (evenZeros * 10 >= pairs * 9 && oddZeros * 10 <= pairs) {
            return "UTF-16BE";
        }
        return null;
    }

    private static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }
}
