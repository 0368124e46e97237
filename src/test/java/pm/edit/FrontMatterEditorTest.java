package pm.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pm.model.FrontMatter;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.Schema;

class FrontMatterEditorTest {
    private static final PostmortemParser PARSER = new PostmortemParser(Schema.DEFAULT);

    private static FrontMatterEditor editor(String text) {
        SourceText src = SourceText.of(text);
        FrontMatter fm = PARSER.parse(Path.of("x.md"), src).frontMatter();
        return new FrontMatterEditor(PARSER, src, fm);
    }

    private static final String FILE = """
            ---
            title: Disk full   # the short name
            date: 2025-03-14
            action_items:
              # the first one is the big one
              - title: Add a disk alert
                owner: '@maria'   # she offered
                due: 2025-04-01
                status: open
              - title: "Rotate logs"
                owner: "@sam"
            services: [db]
            ---

            # Body
            """;

    @Test
    void replacingAValueKeepsItsQuotingAndEveryOtherByte() throws Exception {
        String out = editor(FILE).set(0, "owner", "@lee").set(0, "status", "done").set(1, "owner", "@jo").apply();
        assertThat(out).isEqualTo(FILE.replace("'@maria'", "'@lee'").replace("status: open", "status: done")
                .replace("\"@sam\"", "\"@jo\""));
    }

    @Test
    void aPlainValueThatNeedsQuotesGetsThem() throws Exception {
        String out = editor(FILE).set(0, "due", "2025-05-01").set(0, "first_due", "2025-04-01")
                .set(1, "owner", "x").apply();
        assertThat(out).contains("    due: 2025-05-01\n    status: open\n    first_due: 2025-04-01\n");
        String text = FILE.replace("'@maria'", "maria");
        assertThat(editor(text).set(0, "owner", "@lee").apply()).contains("    owner: \"@lee\"   # she offered\n");
    }

    @Test
    void aNewFieldGoesAtTheEndOfItsItemWithItsIndentation() throws Exception {
        String out = editor(FILE).set(1, "priority", "P1").set(1, "link", "https://t/1").apply();
        assertThat(out).isEqualTo(FILE.replace("    owner: \"@sam\"\n",
                "    owner: \"@sam\"\n    priority: P1\n    link: https://t/1\n"));
    }

    @Test
    void appendingAnItemMatchesTheListsIndentation() throws Exception {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("title", "Page on: disk");
        item.put("owner", "@lee");
        String out = editor(FILE).append(item).apply();
        assertThat(out).isEqualTo(FILE.replace("    owner: \"@sam\"\n",
                "    owner: \"@sam\"\n  - title: \"Page on: disk\"\n    owner: \"@lee\"\n"));
    }

    @Test
    void appendingCreatesTheKeyWhenAbsentAndKeepsCrlfAndTheOtherItems() throws Exception {
        String text = "---\r\ntitle: x\r\nincident:\r\n    started: 2025-01-01T00:00:00Z\r\n---\r\nbody\r\n";
        String out = editor(text).append(Map.of("title", "Alert")).apply();
        assertThat(out).isEqualTo("---\r\ntitle: x\r\nincident:\r\n    started: 2025-01-01T00:00:00Z\r\n"
                + "action_items:\r\n    - title: Alert\r\n---\r\nbody\r\n");
        String empty = "---\ntitle: x\naction_items: []  # none yet\n---\n";
        assertThat(editor(empty).append(Map.of("title", "Alert")).apply())
                .isEqualTo("---\ntitle: x\naction_items: # none yet\n  - title: Alert\n---\n");
    }

    @Test
    void itRefusesWhatItCannotEditSafely() {
        String flow = "---\naction_items:\n  - {title: a, owner: b}\n---\n";
        assertThatThrownBy(() -> editor(flow).set(0, "owner", "c").apply())
                .isInstanceOf(FrontMatterEditor.Refused.class).hasMessageContaining("{…}");
        String block = "---\naction_items:\n  - title: a\n    owner: |\n      b\n---\n";
        assertThatThrownBy(() -> editor(block).set(0, "owner", "c").apply())
                .isInstanceOf(FrontMatterEditor.Refused.class).hasMessageContaining("line 4");
        assertThatThrownBy(() -> editor(FILE).set(5, "owner", "c").apply())
                .hasMessageContaining("no action item 6");
    }

    @Test
    void aKeyWithoutAValueGetsOne() throws Exception {
        String text = FILE.replace("    status: open\n", "    status:\n");
        assertThat(editor(text).set(0, "status", "done").apply()).isEqualTo(FILE.replace("status: open", "status: done"));
    }
}
