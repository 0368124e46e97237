package pm.model;

import pm.memo.BoundedMemo;
import java.util.regex.Pattern;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The eight sections of a postmortem, with the headings teams commonly use for each. */
public enum SectionKind {
    SUMMARY("Summary", "summary", "executive summary", "overview", "incident summary", "issue summary",
            "tl;dr", "tldr"),
    TIMELINE("Timeline", "timeline", "timeline of events", "incident timeline", "chronology", "sequence of events"),
    IMPACT("Impact assessment", "impact", "impact assessment", "customer impact", "user impact", "business impact",
            "what was impacted"),
    ROOT_CAUSE("Root cause analysis", "root cause", "root causes", "root cause analysis", "rca", "causes",
            "cause", "contributing factors", "root cause and contributing factors", "why did it happen",
            "causes and contributing factors"),
    WENT_WELL("What went well", "what went well", "things that went well", "went well"),
    WENT_POORLY("What went poorly", "what went poorly", "what went wrong", "what didn't go well",
            "what did not go well", "things that went poorly", "things that went wrong", "what went badly",
            "what could have gone better", "what could be improved", "what didn't go so well"),
    ACTION_ITEMS("Action items", "action items", "action item", "follow-ups", "follow ups", "followups",
            "follow-up actions", "remediation", "remediations", "remediation items", "corrective actions",
            "corrective and preventative actions", "corrective and preventative measures",
            "corrective and preventative measure", "corrective and preventive actions", "next steps",
            "what we're doing about it"),
    LESSONS_LEARNED("Lessons learned", "lessons learned", "lessons learnt", "learnings", "lessons", "takeaways");

    private final String title;
    private final List<String> names;

    SectionKind(String title, String... names) {
        this.title = title;
        this.names = List.of(names);
    }

    /** The heading the default template uses. */
    public String title() {
        return title;
    }

    /** Recognises a heading, ignoring case, numbering ("3. Impact"), trailing punctuation and emoji. */
    public static Optional<SectionKind> fromHeading(String heading) {
        return KNOWN.get(heading);
    }

    private static final BoundedMemo<String, Optional<SectionKind>> KNOWN =
            BoundedMemo.ofStrings(SectionKind::recognise);

    private static Optional<SectionKind> recognise(String heading) {
        String h = normalize(heading);
        for (SectionKind k : values()) {
            if (k.names.contains(h)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
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
