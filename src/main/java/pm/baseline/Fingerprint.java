package pm.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import pm.lint.Finding;

/**
 * What a finding found, as a short stable key: its rule and its message (which names the words, the item or the
 * section found), with line numbers and spacing taken out, so that the same finding on another line has the same
 * fingerprint and a new sentence, item or section a new one.
 */
public final class Fingerprint {
    private static final Pattern LINE_REFERENCE = Pattern.compile("\\b(lines?) \\d+(?:[-–]\\d+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Fingerprint() {
    }

    public static String of(Finding f) {
        String what = SPACES.matcher(LINE_REFERENCE.matcher(f.message()).replaceAll("$1 N")).replaceAll(" ").strip();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(f.rule().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] digest = sha.digest(what.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
