package pm.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import pm.memo.BoundedMemo;

/**
 * Which of the eight sections a heading starts, as real postmortems write them: "Timeline (all times PST)",
 * "Root Cause: the cache", "What we learnt", "Suggested corrective actions", "Recovery and lessons learned".
 * A heading is read ignoring case, numbering, emoji, markup and a trailing note in brackets, then matched
 * against each section's family of words in a fixed order (causes first, then a timeline, lessons, what went
 * well or poorly, follow-ups, impact, summary), so "Root cause summary" is a root cause and "Timeline
 * summary" a timeline, "Root cause of the timeline gap" a root cause. A team adds its own headings with {@code lint.section_synonyms}; those are matched
 * first, exactly (after the same reading).
 */
public final class Headings {
    /** Each kind's family, in the order they are tried; gathered from 190 real postmortems' headings. */
    private static final List<Map.Entry<SectionKind, Pattern>> FAMILIES = List.of(
            family(SectionKind.ROOT_CAUSE, "(?:.*\\b)?root[ -]?causes?\\b.*|rca\\b.*|(?:the |primary |secondary "
                    + "|immediate |technical |underlying |probable |proximate |likely )?causes?\\b.*"
                    + "|(?:.*\\b)?contributing factors?\\b.*|causes? racines?.*|analyse des causes.*"
                    + "|why (?:did )?(?:it|this|the (?:incident|outage)) happen.*|how (?:did )?(?:it|this) happen.*"
                    + "|how the \\S+(?: \\S+)? occurred.*|what (?:was|caused) the (?:problem|issue|outage|incident).*"
                    + "|(?:technical |incident |failure )?analysis|what went wrong and why.*"),
            family(SectionKind.TIMELINE, "(?:.*\\b)?(?:timeline|chronolog(?:y|ie))\\b.*|(?:the\\s+)?sequence of"
                    + " events.*|events"),
            family(SectionKind.LESSONS_LEARNED, "(?:.*\\b)?lessons?(?: (?:learned|learnt))?\\b.*"
                    + "|(?:key )?learnings?\\b.*|(?:key )?takeaways?\\b.*|what (?:we|i) (?:have )?(?:learned|learnt)"
                    + ".*|le[cç]ons?\\b.*"),
            family(SectionKind.WENT_WELL, "what went (?:well|right)\\b.*|things that went (?:well|right)\\b.*"
                    + "|went well\\b.*|what worked(?: well)?\\b.*|ce qui a (?:bien )?fonctionn[ée].*"),
            family(SectionKind.WENT_POORLY, "what (?:went (?:wrong|poorly|badly)|didn't go (?:so |as )?well"
                    + "|did not go (?:so |as )?well)\\b.*|things that went (?:wrong|poorly|badly)\\b.*"
                    + "|what could (?:have gone|be done|we have done|be|we do) (?:better|differently|improved)\\b.*"
                    + "|what (?:was|went) (?:hard|difficult)\\b.*|where we (?:struggled|fell short)\\b.*"
                    + "|ce qui (?:n'a pas|a mal) .*"),
            // a record of what was done during the response ("Immediate actions taken") is no list of follow-ups
            family(null, "(?:.*\\b)?(?:actions?|fix|fixes|improvements?|steps|changes|measures|remediations?) "
                    + "(?:taken|applied|implemented|completed|done|performed)\\b.*"),
            family(SectionKind.ACTION_ITEMS, "mitigations|action(?:s| items?| points?| plan)?\\b.*|(?:.*\\b)?follow[ -]?ups?\\b.*"
                    + "|next (?:steps?|actions?)\\b.*|(?:.*\\b)?remediations?\\b.*|(?:.*\\b)?corrective\\b.*"
                    + "|(?:.*\\b)?prevent(?:ive|ative|ion)\\b.*|(?:.*\\b)?recommend(?:ations?|ed (?:actions|steps"
                    + "|changes|fixes|measures))\\b.*|(?:.*\\b)?improvements?\\b.*|(?:short|medium|long)[ -]term\\b.*"
                    + "|immediate actions?\\b.*|(?:planned|pending|open|proposed|suggested|future|further) (?:actions?"
                    + "|work|changes|fixes|steps|tasks)\\b.*|what we(?:'re| are|'ll| will) (?:doing|do|going to do"
                    + "|change|changing)\\b.*|how (?:are )?we(?:'re| are| will)? (?:prevent|going to prevent|make sure)"
                    + ".*|(?:moving|going|looking) forward\\b.*|to-?dos?\\b.*|tasks\\b.*|actions de suivi.*"),
            family(SectionKind.IMPACT, "(?:.*\\b)?impact(?:s|ed)?\\b.*|blast radius|who was affected\\b.*"),
            family(SectionKind.SUMMARY, "(?:(?:executive|incident|issue|problem|short|brief|quick|event|outage"
                    + "|management|security incident) )?(?:summary|overview)\\b.*|tl;?dr\\b.*|r[ée]sum[ée]\\b.*"
                    + "|what happened\\b.*|synopsis\\b.*|abstract\\b.*"));

    private static final Pattern DONE_NOTE = Pattern.compile(
            "(?i)\\(\\s*(?:completed|done|implemented|taken|applied)\\b");

    /** The headings every team gets: the families above. */
    public static final Headings DEFAULT = new Headings(Map.of());

    private final Map<String, SectionKind> synonyms;
    private final BoundedMemo<String, Optional<SectionKind>> known = BoundedMemo.ofStrings(this::recognise);

    private Headings(Map<String, SectionKind> synonyms) {
        this.synonyms = Map.copyOf(synonyms);
    }

    /** These headings, plus a team's own for each kind (read as headings are: case, numbering and emoji aside). */
    public static Headings withSynonyms(Map<SectionKind, List<String>> extra) {
        if (extra.isEmpty()) {
            return DEFAULT;
        }
        Map<String, SectionKind> synonyms = new java.util.HashMap<>();
        for (Map.Entry<SectionKind, List<String>> e : new EnumMap<>(extra).entrySet()) {
            for (String heading : e.getValue()) {
                synonyms.putIfAbsent(SectionKind.normalize(heading), e.getKey());
            }
        }
        return new Headings(synonyms);
    }

    /**
     * Words one of which every heading of the Action items family holds (in ASCII, any case): a heading without any
     * cannot be one, and is not matched against the families ({@link #mayBeActionItems}). Keep it in step with the
     * family's pattern above.
     */
    private static final List<String> ACTION_WORDS = List.of("mitigation", "action", "follow", "next", "remediation",
            "corrective", "prevent", "recommend", "improvement", "term", "work", "change", "fix", "step", "task",
            "we", "forward", "to");

    /**
     * Whether a heading may start the Action items section: true whenever {@code kindOf(heading)} is it, cheaply
     * false for most others (a postmortem's own title, "Timeline"), for code that runs on every file.
     */
    public boolean mayBeActionItems(String heading) {
        if (!synonyms.isEmpty()) {
            return kindOf(heading).orElse(null) == SectionKind.ACTION_ITEMS;
        }
        String lower = null;
        for (int i = 0; i < heading.length(); i++) {
            if (heading.charAt(i) >= 128) {
                return kindOf(heading).orElse(null) == SectionKind.ACTION_ITEMS;
            }
        }
        lower = heading.toLowerCase(java.util.Locale.ROOT);
        for (String w : ACTION_WORDS) {
            if (lower.contains(w)) {
                return kindOf(heading).orElse(null) == SectionKind.ACTION_ITEMS;
            }
        }
        return false;
    }

    /** The section a heading starts, if it is one of the eight. */
    public Optional<SectionKind> kindOf(String heading) {
        return known.get(heading);
    }

    private Optional<SectionKind> recognise(String heading) {
        String h = SectionKind.normalize(heading);
        SectionKind own = synonyms.get(h);
        if (own != null) {
            return Optional.of(own);
        }
        if (DONE_NOTE.matcher(heading).find()) {
            return Optional.empty(); // "Immediate actions (completed)": what was done, not what is to do
        }
        for (Map.Entry<SectionKind, Pattern> f : FAMILIES) {
            if (f.getValue().matcher(h).matches()) {
                return Optional.ofNullable(f.getKey());
            }
        }
        return Optional.empty();
    }

    /** A family of headings; a {@code null} kind is a family that is none of the eight. */
    private static Map.Entry<SectionKind, Pattern> family(SectionKind kind, String regex) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(kind, Pattern.compile(regex));
    }
}
