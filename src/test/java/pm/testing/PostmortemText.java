package pm.testing;

import java.util.ArrayList;
import java.util.List;

/** Postmortem files for tests: front matter written field by field, with a short body. */
public final class PostmortemText {
    private final List<String> fields = new ArrayList<>();
    private final List<String> items = new ArrayList<>();

    private PostmortemText() {
    }

    /** A published postmortem with a title and incident date and no action items. */
    public static PostmortemText of(String title, String date) {
        PostmortemText p = new PostmortemText();
        p.fields.add("title: " + title);
        p.fields.add("date: " + date);
        p.fields.add("status: published");
        return p;
    }

    /** Adds or replaces a top-level field ({@code null} value: removes it). */
    public PostmortemText with(String key, String value) {
        fields.removeIf(f -> f.startsWith(key + ":"));
        if (value != null) {
            fields.add(key + ": " + value);
        }
        return this;
    }

    /** An action item; a {@code null} field is left out. */
    public PostmortemText item(String title, String owner, String due, String priority, String status) {
        StringBuilder sb = new StringBuilder("  - title: ").append(title).append('\n');
        if (owner != null) {
            sb.append("    owner: \"").append(owner).append("\"\n");
        }
        if (due != null) {
            sb.append("    due: ").append(due).append('\n');
        }
        if (priority != null) {
            sb.append("    priority: ").append(priority).append('\n');
        }
        if (status != null) {
            sb.append("    status: \"").append(status).append("\"\n");
        }
        items.add(sb.toString());
        return this;
    }

    /** A waiver for the last item, as YAML flow fields: {@code reason: …, by: …, date: …}. */
    public PostmortemText waiver(String fields) {
        items.set(items.size() - 1, items.get(items.size() - 1) + "    waiver: {" + fields + "}\n");
        return this;
    }

    public String text() {
        StringBuilder sb = new StringBuilder("---\n");
        for (String f : fields) {
            sb.append(f).append('\n');
        }
        if (!items.isEmpty()) {
            sb.append("action_items:\n");
            items.forEach(sb::append);
        }
        return sb.append("---\n\n# Postmortem\n\n## Summary\n\nThe queue filled up.\n").toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
