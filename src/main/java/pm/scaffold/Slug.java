package pm.scaffold;

import java.text.Normalizer;
import java.util.Locale;

/** File-name slugs: ASCII lower-case words joined by dashes, never a path separator or "..". */
public final class Slug {
    public static final int MAX_LENGTH = 60;

    private Slug() {
    }

    public static String of(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "") // é -> e
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
            int dash = s.lastIndexOf('-');
            if (dash > MAX_LENGTH / 2) {
                s = s.substring(0, dash);
            }
            s = s.replaceAll("-+$", "");
        }
        return s.isEmpty() ? "postmortem" : s;
    }
}
