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

    /** A kind of secret: its marker (a '|'-separated list), how far before the marker it may start, its pattern. */
    private record Kind(String name, String marker, int before, Pattern pattern, int group) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("GitHub token", "ghp_|gho_|ghu_|ghs_|ghr_|github_pat_", 0, Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_"
                    + "[A-Za-z0-9_]{50,})\\b"), 0),
            new Kind("AWS access key", "AKIA|ASIA|ABIA|ACCA", 0, Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b"), 0),
            new Kind("Slack token", "xox", 0, Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), 0),
            new Kind("Slack webhook", "hooks.slack.com", 8,
                    Pattern.compile("https://hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{16,}"), 0),
            new Kind("Google API key", "AIza", 0, Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"), 0),
            new Kind("Stripe live key", "_live_", 2, Pattern.compile("\\b(?:sk|rk)_live_[0-9a-zA-Z]{24,}\\b"), 0),
            new Kind("private key", "PRIVATE KEY", 40, Pattern.compile("-----BEGIN (?:[A-Z]+ )*PRIVATE KEY"
                    + "(?: BLOCK)?-----"), 0),
            new Kind("JWT", "eyJ", 0, Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]"
                    + "{10,}"), 0),
            new Kind("password in a URL", "://", 22, Pattern.compile("\\b[a-z][a-z0-9+.-]{1,20}://[^\\s/:@\"'`<>]{1,64}:"
                    + "([^\\s/@\"'`<>]{3,128})@[A-Za-z0-9.-]"), 1),
            new Kind("secret", null, 0, Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|token|api[_-]?key"
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
        // one pass; each kind is tried only where its trigger character is: most files hold few. Over a copy of
        // the characters: in the C1-compiled code pm runs, an array is read several times faster than charAt.
        List<Secret> out = new ArrayList<>();
        char[] cs = text.toCharArray();
        boolean[] trigger = TRIGGER;
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            if (c < 128 && trigger[c]) {
                near(text, cs, c, i, out);
            }
        }
        if (out.size() > 1) {
            out.sort(java.util.Comparator.comparingInt(Secret::start));
        }
        return out;
    }

    /** The characters a secret's marker holds ("ghp_", "AKIA", "xoxb-", "eyJ", "-----BEGIN", "://") or a key's ':'/'='. */
    private static final boolean[] TRIGGER = new boolean[128];

    static {
        for (char c : "_AxJ-:=".toCharArray()) {
            TRIGGER[c] = true;
        }
    }

    /** What the trigger character at {@code i} may be part of, tried there. */
    private static void near(String text, char[] cs, char ch, int i, List<Secret> out) {
        int n = cs.length;
        switch (ch) {
            case '_' -> { // gh?_…, github_pat_…, sk_live_…, rk_live_…
                if (i >= 3 && cs[i - 3] == 'g' && cs[i - 2] == 'h'
                        && "pousr".indexOf(cs[i - 1]) >= 0) {
                    at(text, GITHUB, i - 3, out);
                } else if (i >= 6 && has(cs, "github_pat_", i - 6)) {
                    at(text, GITHUB, i - 6, out);
                } else if (i >= 2 && cs[i - 1] == 'k' && (cs[i - 2] == 's'
                        || cs[i - 2] == 'r') && has(cs, "_live_", i)) {
                    at(text, STRIPE, i - 2, out);
                }
            }
            case 'A' -> {
                if (i + 3 >= n) {
                    return;
                }
                char c1 = cs[i + 1];
                char c2 = cs[i + 2];
                char c3 = cs[i + 3];
                if (c1 == 'I' && c2 == 'z' && c3 == 'a') {
                    at(text, GOOGLE, i, out);
                } else if ((c1 == 'K' || c1 == 'S' || c1 == 'B') && c2 == 'I' && c3 == 'A'
                        || c1 == 'C' && c2 == 'C' && c3 == 'A') {
                    at(text, AWS, i, out);
                }
            }
            case 'x' -> {
                if (i + 2 < n && cs[i + 1] == 'o' && cs[i + 2] == 'x') {
                    at(text, SLACK, i, out);
                }
            }
            case 'J' -> {
                if (i >= 2 && cs[i - 1] == 'y' && cs[i - 2] == 'e') {
                    at(text, JWT, i - 2, out);
                }
            }
            case '-' -> {
                if (i + 10 < n && cs[i + 1] == '-' && has(cs, "-----BEGIN ", i)) {
                    at(text, PRIVATE_KEY, i, out);
                }
            }
            case ':' -> {
                if (i + 2 < n && cs[i + 1] == '/' && cs[i + 2] == '/') {
                    int from = i;
                    while (from > 0 && i - from < 22 && schemeChar(cs[from - 1])) {
                        from--;
                    }
                    if (has(cs, "hooks.slack.com", i + 3)) {
                        at(text, SLACK_HOOK, from, out);
                    }
                    if (userInfo(cs, i + 3)) {
                        at(text, URL_PASSWORD, from, out);
                    }
                } else {
                    assignment(text, cs, i, out);
                }
            }
            default -> assignment(text, cs, i, out); // '='
        }
    }

    private static final Kind GITHUB = KINDS.get(0);
    private static final Kind AWS = KINDS.get(1);
    private static final Kind SLACK = KINDS.get(2);
    private static final Kind SLACK_HOOK = KINDS.get(3);
    private static final Kind GOOGLE = KINDS.get(4);
    private static final Kind STRIPE = KINDS.get(5);
    private static final Kind PRIVATE_KEY = KINDS.get(6);
    private static final Kind JWT = KINDS.get(7);
    private static final Kind URL_PASSWORD = KINDS.get(8);
    private static final Kind ASSIGNED = KINDS.get(9);

    /** Whether {@code cs} holds {@code s} at {@code at}. */
    private static boolean has(char[] cs, String s, int at) {
        if (at < 0 || at + s.length() > cs.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (cs[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean schemeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-';
    }

    /** Whether a URL's authority, from {@code at}, holds an '@' (and so perhaps a user and password). */
    private static boolean userInfo(char[] cs, int at) {
        for (int i = at; i < cs.length && i < at + 200; i++) {
            char c = cs[i];
            if (c == '@') {
                return true;
            }
            if (c == '/' || c == ' ' || c == '\n' || c == ')' || c == '>' || c == '"') {
                return false;
            }
        }
        return false;
    }

    /** Tries a kind's pattern starting exactly at {@code from}. */
    private static void at(String text, Kind k, int from, List<Secret> out) {
        Matcher m = k.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        m.region(from, Math.min(text.length(), from + LOOK_AHEAD));
        if (m.lookingAt()) {
            int start = m.start(k.group());
            int end = m.end(k.group());
            String value = text.substring(start, end);
            if ((k.group() == 0 || looksSecret(value, k.name())) && !overlaps(out, start, end)) {
                out.add(new Secret(start, end, k.name(), mask(value)));
            }
        }
    }

    /** How far after where it starts a secret may end (a JWT is long; nothing here is longer). */
    private static final int LOOK_AHEAD = 4096;

    /** The longest key word a value can be assigned to, with a suffix ("client_secret_v2"), in characters. */
    private static final int KEY_REACH = 48;

    /**
     * A value assigned to a password, secret or token key at the ':' or '=' at {@code i}: the word before it is read
     * back and the pattern tried only where a key word is.
     */
    private static void assignment(String text, char[] cs, int i, List<Secret> out) {
        if (!longValueAfter(cs, i + 1)) {
            return; // "14:02", "title: Payment API outage": no twelve value characters in a row after it
        }
        int from = i;
        while (from > 0 && i - from < KEY_REACH && keyChar(cs[from - 1])) {
            from--;
        }
        if (from == i || !mayHoldKeyWord(cs, from, i) || !KEY_WORDS.matcher(text).region(from, i).find()) {
            return;
        }
        int back = from;
        while (back > 0 && !Character.isWhitespace(cs[back - 1]) && from - back < 4) {
            back--; // a word boundary or a quote before the key
        }
        Matcher m = ASSIGNED.pattern().matcher(text).region(back, Math.min(text.length(), i + 200));
        if (m.find() && m.start(1) > i) {
            int start = m.start(1);
            int end = m.end(1);
            String value = text.substring(start, end);
            if (looksSecret(value, ASSIGNED.name()) && !overlaps(out, start, end)) {
                out.add(new Secret(start, end, ASSIGNED.name(), mask(value)));
            }
        }
    }

    /** Whether twelve characters a secret's value may hold follow {@code at} (past spaces, '>' and a quote). */
    private static boolean longValueAfter(char[] cs, int at) {
        int i = at;
        int n = cs.length;
        while (i < n && (cs[i] == ' ' || cs[i] == '>' || cs[i] == '"'
                || cs[i] == '\'')) {
            i++;
        }
        int run = 0;
        while (i < n && run < 12 && valueChar(cs[i])) {
            i++;
            run++;
        }
        return run >= 12;
    }

    private static boolean valueChar(char c) {
        return c < 128 && VALUE[c];
    }

    /** The ASCII characters a secret's value may hold; and those of a key and what may surround it. */
    private static final boolean[] VALUE = ascii(c -> Character.isLetterOrDigit(c) || "+/_.~!#$%^&*=-".indexOf(c) >= 0);
    private static final boolean[] KEY = ascii(c -> Character.isLetterOrDigit(c) || "_-\"' ".indexOf(c) >= 0);

    private static boolean[] ascii(java.util.function.IntPredicate p) {
        boolean[] table = new boolean[128];
        for (char c = 0; c < 128; c++) {
            table[c] = p.test(c);
        }
        return table;
    }

    /** Whether {@code text[from, to)} may hold a key word: it has "pas", "pwd", "sec", "tok" or "key", in any case. */
    private static boolean mayHoldKeyWord(char[] cs, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            char a = (char) (cs[i] | 0x20);
            char b = (char) (cs[i + 1] | 0x20);
            char c = (char) (cs[i + 2] | 0x20);
            if (a == 'p' && (b == 'a' && c == 's' || b == 'w' && c == 'd') || a == 's' && b == 'e' && c == 'c'
                    || a == 't' && b == 'o' && c == 'k' || a == 'k' && b == 'e' && c == 'y') {
                return true;
            }
        }
        return false;
    }

    private static boolean keyChar(char c) {
        return c < 128 && KEY[c];
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
