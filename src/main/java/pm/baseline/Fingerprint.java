package pm.baseline;

import java.util.regex.Pattern;
import pm.lint.Finding;

/**
 * What a finding found, as a short stable key: its rule and its message (which names the words, the item or the
 * section found), with line numbers and spacing taken out, so that the same finding on another line has the same
 * fingerprint and a new sentence, item or section a new one. A 64-bit FNV-1a hash of those characters, in hex:
 * cheap enough to take for every finding of a large archive on the thread that reports them, and a collision
 * needs two findings of one rule in one file, which the counts then still keep apart.
 */
public final class Fingerprint {
    private static final Pattern LINE_REFERENCE = Pattern.compile("\\b(lines?) \\d+(?:[-–]\\d+)?");
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    public static String of(Finding f) {
        String message = f.message();
        if (message.contains("line")) {
            message = LINE_REFERENCE.matcher(message).replaceAll("$1 N");
        }
        long h = OFFSET;
        for (int i = 0; i < f.rule().length(); i++) {
            h = (h ^ f.rule().charAt(i)) * PRIME;
        }
        h = (h ^ 0) * PRIME;
        boolean space = false;
        boolean started = false;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isWhitespace(c)) {
                space = started;
                continue;
            }
            if (space) {
                h = (h ^ ' ') * PRIME;
                space = false;
            }
            started = true;
            h = (h ^ c) * PRIME;
        }
        return hex(h);
    }

    private static String hex(long h) {
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = Character.forDigit((int) (h & 0xf), 16);
            h >>>= 4;
        }
        return new String(out);
    }
}
