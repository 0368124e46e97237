package pm.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in templates and the examples keep to what markdownlint's default rules ask of the text pm writes
 * (src/scripts/consumers runs markdownlint-cli2 itself): prompts within 80 characters (MD013), table delimiter rows
 * spaced like the header and the rows users add (MD060), one H1 (MD025, with pm init's front_matter_title).
 */
class TemplatesMarkdownlintTest {
    private static final Pattern DELIMITER_ROW = Pattern.compile("\\|( -{3,} \\|)+");

    private static List<String> body(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int end = lines.subList(1, lines.size()).indexOf("---") + 1;
        assertThat(lines.get(0)).as(file.toString()).isEqualTo("---");
        assertThat(end).as(file + ": front matter closes").isPositive();
        return lines.subList(end + 1, lines.size());
    }

    private static List<Path> files(String dir) throws Exception {
        try (var s = Files.list(Path.of(dir))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void templateLinesFitEightyColumns() throws Exception {
        List<Path> templates = files("templates");
        assertThat(templates).hasSize(Templates.BUILT_IN.size());
        for (Path t : templates) {
            for (String line : body(t)) {
                assertThat(line.length()).as(t + ": " + line).isLessThanOrEqualTo(80);
            }
        }
    }

    @Test
    void tableDelimiterRowsAreSpacedAndThereIsOneTopHeading() throws Exception {
        for (String dir : List.of("templates", "src/examples/postmortems")) {
            for (Path f : files(dir)) {
                List<String> body = body(f);
                for (String line : body) {
                    if (line.startsWith("|-") || line.startsWith("| -") || line.startsWith("|:")) {
                        assertThat(line).as(f.toString()).matches(DELIMITER_ROW);
                    }
                }
                assertThat(body.stream().filter(l -> l.startsWith("# "))).as(f.toString()).hasSize(1);
            }
        }
    }
}
