package pm.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text. Each kind is a pattern known from its provider's format (GitHub, AWS, Slack, Google, Stripe),
 * a private key block, a JWT, a password in a URL, or a value assigned to a password, secret or token key that looks
 * random (high entropy, no placeholder words). A cheap look for each kind's marker comes first: most files hold none.
 */
public final class SecretScanner {

    /** One secret: where it is in the text, what kind it is, and how it may be shown (its first four characters). */
    public record Secret(int start, int end, String kind, String masked) {
    }

    private record Kind(String name, String marker, boolean ignoreCase, Pattern pattern, int group) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("GitHub token", "_", false, Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_"
                    + "[A-Za-z0-9_]{50,})\\b"), 0),
            new Kind("AWS access key", "AKIA|ASIA|ABIA|ACCA", false, Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b"), 0),
            new Kind("Slack token", "xox", false, Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), 0),
            new Kind("Slack webhook", "hooks.slack.com", false,
                    Pattern.compile("https://hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{16,}"), 0),
            new Kind("Google API key", "AIza", false, Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"), 0),
            new Kind("Stripe live key", "_live_", false, Pattern.compile("\\b(?:sk|rk)_live_[0-9a-zA-Z]{24,}\\b"), 0),
            new Kind("private key", "PRIVATE KEY", false, Pattern.compile("-----BEGIN (?:[A-Z]+ )*PRIVATE KEY"
                    + "(?: BLOCK)?-----"), 0),
            new Kind("JWT", "eyJ", false, Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]"
                    + "{10,}"), 0),
            new Kind("password in a URL", "://", false, Pattern.compile("\\b[a-z][a-z0-9+.-]{1,20}://[^\\s/:@\"'`<>]{1,64}:"
                    + "([^\\s/@\"'`<>]{3,128})@[A-Za-z0-9.-]"), 1),
            new Kind("secret", null, true, Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|token|api[_-]?key"
                    + "|access[_-]?key|secret[_-]?key|client[_-]?secret|auth[_-]?token|private[_-]?key)[A-Za-z0-9_-]{0,20}"
                    + "[\"']?\\s*(?:[:=]|=>)\\s*[\"']?([A-Za-z0-9+/_.~!#$%^&*=-]{12,})"), 1));

    private static final Pattern KEY_WORDS = Pattern.compile("(?i)password|passwd|pwd|secret|token|api[_-]?key"
            + "|access[_-]?key|private[_-]?key");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)example|sample|dummy|placeholder|changeme|redacted"
            + "|your[_-]|<|>|\\$\\{|\\{\\{|xxx|\\*\\*\\*|\\.\\.\\.|test|fake|secret|password|token|null|none|true|false"
            + "|env\\.|process\\.|os\\.getenv|getenv|vault:|arn:|ref\\+|from-|_file\\b|_path\\b");

    private SecretScanner() {
    }

    /** Every secret in a text, in order; overlapping finds are reported once. */
    public static List<Secret> scan(String text) {
        List<Secret> out = new ArrayList<>();
        for (Kind k : KINDS) {
            if (k.marker() != null ? !containsAny(text, k.marker()) : !KEY_WORDS.matcher(text).find()) {
                continue;
            }
            Matcher m = k.pattern().matcher(text);
            while (m.find()) {
                int start = m.start(k.group());
                int end = m.end(k.group());
                String value = text.substring(start, end);
                if (k.group() > 0 && !looksSecret(value, k.name())) {
                    continue;
                }
                if (!overlaps(out, start, end)) {
                    out.add(new Secret(start, end, k.name(), mask(value)));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Secret::start));
        return out;
    }

    private static boolean containsAny(String text, String markers) {
        for (String m : markers.split("\\|")) {
            if (text.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /** A value given to a key, or a URL's password: no placeholder, and random enough to be a real one. */
    private static boolean looksSecret(String value, String kind) {
        if (PLACEHOLDER.matcher(value).find()) {
            return false;
        }
        if (kind.equals("password in a URL")) {
            return value.length() >= 6 && entropy(value) >= 2.5;
        }
        boolean mixed = value.chars().anyMatch(Character::isDigit) && value.chars().anyMatch(Character::isLetter);
        return mixed && entropy(value) >= 3.5;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    private static boolean overlaps(List<Secret> found, int start, int end) {
        for (Secret s : found) {
            if (start < s.end() && s.start() < end) {
                return true;
            }
        }
        return false;
    }

    /** The first four characters and an ellipsis: enough to find it, never enough to use it. */
    static String mask(String value) {
        return value.length() <= 4 ? "…" : value.substring(0, 4) + "…";
    }

    /** "a GitHub token", "an AWS access key". */
    public static String withArticle(String kind) {
        return ("aeiou".indexOf(Character.toLowerCase(kind.charAt(0))) >= 0 ? "an " : "a ") + kind
                .toLowerCase(Locale.ROOT).replace("github", "GitHub").replace("aws", "AWS").replace("slack", "Slack")
                .replace("google api", "Google API").replace("stripe", "Stripe").replace("jwt", "JWT")
                .replace("url", "URL");
    }
}
