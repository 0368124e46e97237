package pm.model;

/**
 * A heading and the text under it, up to the next heading of the same or a higher level.
 *
 * @param kind         which of the eight postmortem sections it is, or {@code null}
 * @param headingSpan  where the heading is
 * @param contentStart offset of the first character after the heading line
 * @param contentEnd   offset just past the section's last character
 */
public record Section(String heading, int level, SectionKind kind, Span headingSpan, int contentStart, int contentEnd) {

    public int line() {
        return headingSpan.line();
    }
}
