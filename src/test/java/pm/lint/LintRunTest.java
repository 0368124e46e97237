package pm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.io.InputException;
import pm.lint.rules.Rules;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.source.Input;
import pm.source.Listing;

class LintRunTest {
    private static final String BLAMING = LintFixture.CLEAN.replace("The archiver read credentials",
            "It was human error. The archiver read credentials");

    /** Everything a run reported, one line per call, in the order of the calls. */
    private static final class Recorder implements LintRun.Listener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void file(String name, List<Finding> findings) {
            lines.add(name + " " + findings.size());
        }

        @Override
        public void unreadable(InputException e) {
            lines.add("unreadable " + e.getMessage());
        }

        @Override
        public void fixed(String name, String message) {
            lines.add("fixed " + name + ": " + message);
        }

        @Override
        public void unwritten(InputException e) {
            lines.add("unwritten " + e.getMessage());
        }

        @Override
        public void failed(Linter.RuleFailure failure) {
            lines.add("failed");
        }
    }

    private static LintRun run(boolean fix) {
        return new LintRun(new PostmortemParser(Schema.DEFAULT), LintFixture.DEFAULTS, Rules.ALL, fix);
    }

    private static Input text(String name, String text) {
        return new Input(name, Path.of(name), () -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void manyFilesAreLintedOnAllCoresAndReportedInTheListingsOrder() {
        List<Listing.Entry> entries = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = String.format("pm/%03d.md", i);
            if (i % 37 == 5) {
                entries.add(new Listing.Unreadable(new InputException(Path.of(name), 0, "gone " + i)));
                expected.add("unreadable gone " + i);
            } else if (i % 11 == 3) {
                entries.add(new Input(name, Path.of(name), () -> {
                    throw new InputException(Path.of(name), 0, "unreadable " + name);
                }));
                expected.add("unreadable unreadable " + name);
            } else {
                entries.add(text(name, i % 2 == 0 ? LintFixture.CLEAN : BLAMING));
                expected.add(name + (i % 2 == 0 ? " 0" : " 1"));
            }
        }
        Recorder out = new Recorder();
        run(false).lint(Listing.of(entries), out);
        assertThat(out.lines).containsExactlyElementsOf(expected);
    }

    @Test
    void aFixIsReportedBeforeTheFindingsOfTheFileItRewrote(@TempDir Path dir) throws Exception {
        String untabled = LintFixture.CLEAN.replace("    status: open\n", "    status: open\n    id: pg-wal-alert\n")
                .replace("""
                | Action item | Owner | Due | Priority | Status |
                |-------------|-------|-----|----------|--------|
                | Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-03-28 | P1 | open |
                """, "");
        Path file = dir.resolve("a.md");
        Files.writeString(file, untabled);
        Recorder out = new Recorder();
        run(true).lint(Listing.of(List.of(new Input("a.md", file, () -> pm.io.TextFiles.readBytes(file, null)))),
                out);
        assertThat(out.lines).containsExactly("fixed a.md: rewrote the Action items table from the front matter",
                "a.md 0");
        assertThat(Files.readString(file)).contains("| Alert when the pg_wal volume passes 80%");
    }

    @Test
    void aFixThatCannotBeWrittenIsReportedBeforeTheFindingsOfTheFileAsItStillIs(@TempDir Path dir) {
        String untabled = LintFixture.CLEAN.replace("    status: open\n", "    status: open\n    id: pg-wal-alert\n")
                .replace("""
                | Action item | Owner | Due | Priority | Status |
                |-------------|-------|-----|----------|--------|
                | Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-03-28 | P1 | open |
                """, "");
        Path gone = dir.resolve("gone/a.md"); // its folder was removed since it was read: nowhere to write
        Recorder out = new Recorder();
        run(true).lint(Listing.of(List.of(text("b.md", LintFixture.CLEAN.replace("    status: open\n",
                "    status: open\n    id: pg-wal-alert\n")),
                new Input("gone/a.md", gone, () -> untabled.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                text("c.md", BLAMING.replace("    status: open\n", "    status: open\n    id: pg-wal-alert\n")))), out);
        assertThat(out.lines).hasSize(4);
        assertThat(out.lines.get(0)).isEqualTo("b.md 0");
        assertThat(out.lines.get(1)).startsWith("unwritten could not write the fix: cannot be written: ")
                .endsWith(" (nothing was changed)");
        // the findings of the file as it is, without its table (fixed, it has none: see the test above)
        assertThat(out.lines.subList(2, 4)).containsExactly("gone/a.md 2", "c.md 1");
    }
}
