package pm.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One postmortem file, parsed once: front matter, sections, timeline, action items and prose, each
 * with its position in the original file. Rules, reports and commands all read this model.
 *
 * @param bodyActionItems action items written in the body (table rows and list items under Action items)
 * @param followUpMentions follow-ups written elsewhere in the body: unticked checklist items outside the follow-up
 *                        sections, and sentences in those sections that announce work ("We will …")
 * @param actionItemTable the table under the Action items section, when there is one
 */
public record Postmortem(
        Path path,
        SourceText source,
        FrontMatter frontMatter,
        List<Section> sections,
        List<TimelineRow> timeline,
        List<ActionItem> bodyActionItems,
        List<ActionItem> followUpMentions,
        Optional<TableRange> actionItemTable,
        List<ProseBlock> prose,
        List<HtmlComment> comments) {

    public Postmortem {
        sections = List.copyOf(sections);
        timeline = List.copyOf(timeline);
        bodyActionItems = List.copyOf(bodyActionItems);
        followUpMentions = List.copyOf(followUpMentions);
        prose = List.copyOf(prose);
        comments = List.copyOf(comments);
    }

    /** Where a Markdown table is: from the start of its header line to the end of its last row's line. */
    public record TableRange(int start, int end, Span span) {
    }

    /** The first section of a kind, if the file has one. */
    public Optional<Section> section(SectionKind kind) {
        for (Section s : sections) { // a loop: every rule asks, for every file
            if (s.kind() == kind) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
