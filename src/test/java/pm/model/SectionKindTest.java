package pm.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionKindTest {
    @Test
    void headingsMatchIgnoringCaseNumberingPunctuationAndEmoji() {
        assertThat(SectionKind.fromHeading("ROOT CAUSES")).contains(SectionKind.ROOT_CAUSE);
        assertThat(SectionKind.fromHeading("2. Root cause analysis:")).contains(SectionKind.ROOT_CAUSE);
        assertThat(SectionKind.fromHeading("🔥 Impact")).contains(SectionKind.IMPACT);
        assertThat(SectionKind.fromHeading("Impact Assessment")).contains(SectionKind.IMPACT);
        assertThat(SectionKind.fromHeading("Follow-ups")).contains(SectionKind.ACTION_ITEMS);
        assertThat(SectionKind.fromHeading("Remediation")).contains(SectionKind.ACTION_ITEMS);
        assertThat(SectionKind.fromHeading("Learnings")).contains(SectionKind.LESSONS_LEARNED);
        assertThat(SectionKind.fromHeading("What didn’t go well")).contains(SectionKind.WENT_POORLY);
        assertThat(SectionKind.fromHeading("Timeline (UTC)")).contains(SectionKind.TIMELINE);
        assertThat(SectionKind.fromHeading("Timeline (times in BST)")).contains(SectionKind.TIMELINE);
        assertThat(SectionKind.fromHeading("What went well?")).contains(SectionKind.WENT_WELL);
        assertThat(SectionKind.fromHeading("Issue Summary")).contains(SectionKind.SUMMARY);
        assertThat(SectionKind.fromHeading("Where we got lucky")).isEmpty();
        assertThat(SectionKind.fromHeading("Root cause of the timeline")).contains(SectionKind.ROOT_CAUSE);
        assertThat(SectionKind.fromHeading("Background")).isEmpty();
    }
}
