package pm.scaffold;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's placeholders: {@code {{title}}}, {@code {{date}}}, {@code {{severity}}},
 * {@code {{services}}} and {@code {{authors}}}. Inside the front matter values are written as YAML
 * (quoted where needed, lists in flow style), in the body as plain text.
 */
public final class Scaffold {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(title|date|severity|services|authors)\\s*}}");

    private Scaffold() {
    }

    public static String render(String template, String title, LocalDate date, String severity,
            List<String> services, List<String> authors) {
        Map<String, String> yaml = Map.of(
                "title", yamlString(title),
                "date", date.toString(),
                "severity", severity == null ? "" : yamlString(severity),
                "services", yamlList(services),
                "authors", yamlList(authors));
        Map<String, String> text = Map.of(
                "title", title,
                "date", date.toString(),
                "severity", severity == null ? "" : severity,
                "services", String.join(", ", services),
                "authors", String.join(", ", authors));
        int bodyStart = frontMatterEnd(template);
        String frontMatter = fill(template.substring(0, bodyStart), yaml).replaceAll("(?m)[ \t]+$", "");
        return frontMatter + fill(template.substring(bodyStart), text);
    }

    /** Offset just past the closing front matter delimiter, or 0 when the template has none. */
    private static int frontMatterEnd(String t) {
        if (!t.startsWith("---")) {
            return 0;
        }
        Matcher m = Pattern.compile("(?m)^---[ \\t]*$").matcher(t);
        if (m.find() && m.find()) {
            return m.end();
        }
        return 0;
    }

    private static String fill(String s, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 _.()'/-]*[A-Za-z0-9)]|[A-Za-z]");
    private static final Pattern SPECIAL = Pattern.compile(
            "(?i)y|n|yes|no|true|false|on|off|null|~|nan|inf");

    /**
     * A YAML scalar that reads back as exactly this text: plain when that is safe, else double-quoted
     * (so titles like "yes", "null", "404" or "a: b" stay text).
     */
    static String yamlString(String s) {
        if (PLAIN.matcher(s).matches() && !SPECIAL.matcher(s).matches() && !s.contains(" #")) {
            return s;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String yamlList(List<String> items) {
        return items.stream().map(Scaffold::yamlString).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
