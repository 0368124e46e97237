package pm.model;

import java.util.regex.Pattern;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The eight sections of a postmortem; {@link Headings} knows the headings teams write for each. */
public enum SectionKind {
    SUMMARY("Summary"),
    TIMELINE("Timeline"),
    IMPACT("Impact assessment"),
    ROOT_CAUSE("Root cause analysis"),
    WENT_WELL("What went well"),
    WENT_POORLY("What went poorly"),
    ACTION_ITEMS("Action items"),
    LESSONS_LEARNED("Lessons learned");

    private final String title;

    SectionKind(String title) {
        this.title = title;
    }

    /** The heading the default template uses. */
    public String title() {
        return title;
    }

    /** "Summary, Timeline, …": the eight titles, for messages. */
    public static String titles() {
        List<String> t = new java.util.ArrayList<>();
        for (SectionKind k : values()) {
            t.add(k.title());
        }
        return String.join(", ", t);
    }

    /** Recognises a heading as {@link Headings#DEFAULT} does (no team synonyms). */
    public static Optional<SectionKind> fromHeading(String heading) {
        return Headings.DEFAULT.kindOf(heading);
    }

    private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern SYMBOLS = Pattern.compile("[^\\p{L}\\p{N}' ;:&/-]");
    private static final Pattern NUMBERING = Pattern.compile("^(\\d+(\\.\\d+)*|[ivx]+)[.):]?\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s:;.-]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static String normalize(String heading) {
        String h = Normalizer.normalize(heading, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        h = h.replace('\u2019', '\'').replace('\u2013', '-').replace('\u2014', '-');
        h = TRAILING_NOTE.matcher(h).replaceAll(""); // "Timeline (UTC)", "Timeline (all times approximate)"
        h = SYMBOLS.matcher(h).replaceAll(" "); // emoji, markup, brackets
        h = h.strip();
        h = NUMBERING.matcher(h).replaceFirst(""); // "3." "2.1" "iv)"
        h = TRAILING_PUNCTUATION.matcher(h).replaceAll("");
        h = SPACES.matcher(h).replaceAll(" ");
        return h.replace(" & ", " and ");
    }
}
