package pm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headings as real postmortems write them, each read as one of the eight sections or as none. */
class HeadingsTest {
    private static void reads(SectionKind kind, String... headings) {
        for (String h : headings) {
            assertThat(Headings.DEFAULT.kindOf(h)).as(h).contains(kind);
        }
    }

    private static void readsAsNone(String... headings) {
        for (String h : headings) {
            assertThat(Headings.DEFAULT.kindOf(h)).as(h).isEmpty();
        }
    }

    @Test
    void theFamiliesOfEachSection() {
        reads(SectionKind.SUMMARY, "Summary", "Executive Summary", "📋 **Executive Summary**", "Incident overview",
                "TL;DR", "What happened?", "Résumé de l'incident");
        reads(SectionKind.TIMELINE, "Timeline (all times PST) 7/5/2023-7/6/2023", "Incident Timeline",
                "Investigation Timeline", "3. Timeline of Events", "Chronology", "Chronologie des événements");
        reads(SectionKind.IMPACT, "Impact", "Customer impact", "Impact on users", "📊 Impact Assessment",
                "What was impacted");
        reads(SectionKind.ROOT_CAUSE, "Root Cause: the cache", "RCA: Frigate during the K3s upgrade",
                "Contributing Factor 2: VM disk on a suspended pool", "Cause(s)", "Why did it happen?",
                "How did this happen", "Primary cause", "Causes racines", "Root cause summary");
        reads(SectionKind.WENT_WELL, "What went well", "What Went Right", "What worked:", "Things that went well");
        reads(SectionKind.WENT_POORLY, "What went wrong", "What didn't go so well?", "What could we have done better",
                "What could have gone better?", "What Could Be Improved 🔧");
        reads(SectionKind.ACTION_ITEMS, "Action items", "Action points", "Next steps", "Follow-ups",
                "Suggested corrective actions", "Corrective and preventative measures", "Prevention",
                "Recommendations", "Long-term improvements (90 days)", "Short-term:", "What we're doing differently",
                "What we're doing about it", "How are we preventing it from happening again?", "Moving forward",
                "Actions de suivi", "🔄 **Follow-Up Actions**");
        reads(SectionKind.LESSONS_LEARNED, "Lessons learned", "What we learnt", "Recovery and lessons learned",
                "Key takeaways", "KEY LEARNINGS", "Leçons apprises", "Lessons Learned and Future Hardening");
    }

    @Test
    void whatWasDoneDuringTheResponseIsNoListOfFollowUps() {
        readsAsNone("Immediate Actions Taken", "Immediate Actions (Completed ✅)", "Remediation actions taken",
                "Security improvements implemented", "Preventive fix applied");
        reads(SectionKind.ACTION_ITEMS, "Immediate actions (within 24 hours)");
    }

    @Test
    void otherHeadingsAreNone() {
        readsAsNone("Where we got lucky", "Background", "Detection", "Responders", "Appendix", "Attendees",
                "Blast radius limitation", "Supporting information", "Why it wasn't caught");
    }

    @Test
    void theFirstFamilyInOrderWins() {
        reads(SectionKind.TIMELINE, "Timeline summary");
        reads(SectionKind.ROOT_CAUSE, "Root cause and impact");
        reads(SectionKind.LESSONS_LEARNED, "Lessons and next steps");
    }

    @Test
    void aTeamsOwnHeadingsComeFirstReadTheSameWay() {
        Headings own = Headings.withSynonyms(Map.of(SectionKind.ACTION_ITEMS, List.of("Follow-through"),
                SectionKind.IMPACT, List.of("Blast radius limitation")));
        assertThat(own.kindOf("3. FOLLOW-THROUGH:")).contains(SectionKind.ACTION_ITEMS);
        assertThat(own.kindOf("Blast Radius Limitation")).contains(SectionKind.IMPACT);
        assertThat(own.kindOf("Timeline")).contains(SectionKind.TIMELINE);
        assertThat(Headings.DEFAULT.kindOf("Follow-through")).isEmpty();
    }
}
