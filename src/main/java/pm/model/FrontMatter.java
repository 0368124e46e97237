package pm.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import pm.yaml.YamlNode;

/**
 * The YAML front matter of a postmortem (schema v1), its typed fields and the problems found
 * reading it. A field that is missing or invalid is {@code null} (lists are empty) and, when
 * invalid, has a {@link Problem}. Keys outside the schema are kept in {@link #raw()} and ignored.
 *
 * @param tags     the optional {@code tags:} (a name or a list of names: kinds of incident such as "dns" or
 *                 "certificate-expiry"), which {@code pm stats} groups repeats by; empty when absent
 * @param present  whether the file starts with a front matter block at all
 * @param readable whether the YAML could be read; when false, {@link #problems()} says why
 * @param span     the lines of the block, delimiters included (line 1 when absent)
 */
public record FrontMatter(
        boolean present,
        boolean readable,
        Span span,
        String title,
        LocalDate date,
        String severity,
        String status,
        List<String> authors,
        List<String> services,
        Instant started,
        Instant detected,
        Instant resolved,
        List<ActionItem> actionItems,
        LocalDate followUpReviewed,
        List<String> tags,
        YamlNode.Mapping raw,
        List<Problem> problems) {

    public FrontMatter {
        authors = List.copyOf(authors);
        services = List.copyOf(services);
        actionItems = List.copyOf(actionItems);
        tags = List.copyOf(tags);
        problems = List.copyOf(problems);
    }

    /**
     * A top-level key as written.
     *
     * @param span  where the key is
     * @param empty whether its value is missing, null or blank text
     */
    public record Key(String name, Span span, boolean empty) {
    }

    /** A top-level key, when the front matter has it. */
    public java.util.Optional<Key> key(String name) {
        YamlNode.Entry e = raw == null ? null : raw.entry(name);
        if (e == null) {
            return java.util.Optional.empty();
        }
        boolean empty = e.value() == null
                || e.value() instanceof YamlNode.Scalar s && (s.isNull() || s.text().isBlank());
        return java.util.Optional.of(new Key(name, Span.at(e.keyLine(), e.keyColumn()), empty));
    }

    /** Line of a top-level key, or of the block's start when the key is absent. */
    public int lineOf(String key) {
        if (raw != null) {
            YamlNode.Entry e = raw.entry(key);
            if (e != null) {
                return e.keyLine();
            }
        }
        return span.line();
    }
}
