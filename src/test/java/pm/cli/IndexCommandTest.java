package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;
import pm.testing.PostmortemText;
import pm.testing.TempGit;

/** {@code pm index} end to end, in real temporary git repositories. Today is {@link Cli#NOW}: 2025-03-20. */
class IndexCommandTest {
    private static final String START = "<!-- pm-index:start -->";
    private static final String END = "<!-- pm-index:end -->";

    @TempDir
    Path repo;

    Git git;

    @BeforeEach
    void gitRepo() throws Exception {
        git = TempGit.init(repo, "Ada Lovelace");
    }

    @AfterEach
    void closeGit() {
        git.close();
    }

    private Path write(String path, Object text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString());
        return file;
    }

    private void add() throws Exception {
        git.add().addFilepattern(".").call();
    }

    private Cli.Result run(String... args) {
        return Cli.in(repo).run(args);
    }

    private String readme() throws Exception {
        return Files.readString(repo.resolve("postmortems/README.md"));
    }

    private static List<String> rows(String index) {
        return index.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Date")).toList();
    }

    private void twoPostmortems() throws Exception {
        write("postmortems/2025-02-02-cache.md", PostmortemText.of("Cache stampede", "2025-02-02")
                .with("severity", "SEV2").with("services", "[cache, api]").with("follow_up_reviewed", "2025-03-01")
                .item("Add jitter", "@ann", "2025-03-01", "P1", "done")
                .item("Alert on misses", "@bo", "2025-03-10", "P2", "open"));
        write("postmortems/2025-03-14-payments.md", PostmortemText.of("Payment API outage", "2025-03-14")
                .with("severity", "SEV1").with("services", "[payments]").with("status", "draft"));
        add();
    }

    @Test
    void firstRunCreatesTheIndexNewestFirstAndASecondRunChangesNothing() throws Exception {
        twoPostmortems();
        Cli.Result r = run("index");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("postmortems/README.md written (2 postmortems)");
        String index = readme();
        assertThat(index).startsWith("# Postmortems\n\n" + START + "\n").endsWith(END + "\n");
        assertThat(rows(index)).containsExactly(
                "| 2025-03-14 | [Payment API outage](2025-03-14-payments.md) | SEV1 | payments | draft | — | 1 |",
                "| 2025-02-02 | [Cache stampede](2025-02-02-cache.md) | SEV2 | cache, api | published | 1/2 | 1 |");
        assertThat(index).contains("**2 postmortems** · action items: 1 of 2 done · 2 overdue as of 2025-03-20");
        // the counts are pm overdue's: the open item past due, and the draft past its review deadline
        assertThat(run("overdue", "--format", "json").out()).contains("\"daysOverdue\" : 10", "\"daysOverdue\" : 4")
                .doesNotContain("\"daysOverdue\" : 0");
        byte[] before = Files.readAllBytes(repo.resolve("postmortems/README.md"));
        Cli.Result again = run("index");
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("is up to date");
        assertThat(Files.readAllBytes(repo.resolve("postmortems/README.md"))).isEqualTo(before);
        Cli.Result check = run("index", "--check");
        assertThat(check.code()).as(check.toString()).isZero();
        assertThat(check.out()).isEmpty();
    }

    @Test
    void theTeamsOwnTextAroundTheMarkersIsKeptByteForByteWithCrlfAndByteOrderMark() throws Exception {
        twoPostmortems();
        String before = "\uFEFF# Our incidents\r\n\r\nRead these first.  \r\n";
        write("postmortems/README.md", before);
        assertThat(run("index").code()).isZero();
        byte[] bytes = Files.readAllBytes(repo.resolve("postmortems/README.md"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith(before + "\r\n" + START + "\r\n").endsWith(END + "\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
        // the team writes below the index, a postmortem is added: only the block changes
        String edited = text + "\r\n## On-call notes\r\n\r\nAsk #incidents.\r\n";
        write("postmortems/README.md", edited);
        write("postmortems/2025-03-18-dns.md", PostmortemText.of("DNS", "2025-03-18"));
        add();
        Cli.Result check = run("index", "--check");
        assertThat(check.code()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains("+| 2025-03-18 | [DNS](2025-03-18-dns.md) |", "-**2 postmortems**",
                "+**3 postmortems**").doesNotContain("Payment API outage");
        assertThat(Files.readString(repo.resolve("postmortems/README.md"))).isEqualTo(edited); // --check never writes
        assertThat(run("index").code()).isZero();
        String now = Files.readString(repo.resolve("postmortems/README.md"));
        assertThat(now).startsWith(before + "\r\n" + START).endsWith(END + "\r\n\r\n## On-call notes\r\n\r\n"
                + "Ask #incidents.\r\n").contains("[DNS](2025-03-18-dns.md)");
        assertThat(run("index", "--check").code()).isZero();
    }

    @Test
    void markersTwiceOrOutOfOrderAreAnInputErrorNamingFileAndLine() throws Exception {
        twoPostmortems();
        write("postmortems/README.md", "# X\n" + START + "\n" + END + "\n\n" + START + "\n");
        byte[] before = Files.readAllBytes(repo.resolve("postmortems/README.md"));
        for (String[] args : new String[][] {{"index"}, {"index", "--check"}}) {
            Cli.Result r = run(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err().lines()).singleElement().satisfies(l -> assertThat(l)
                    .startsWith("pm: postmortems/README.md:5: a second '" + START + "' (the first is on line 2)"));
        }
        assertThat(Files.readAllBytes(repo.resolve("postmortems/README.md"))).isEqualTo(before);
        write("postmortems/README.md", END + "\n" + START + "\n");
        assertThat(run("index").err()).startsWith("pm: postmortems/README.md:1: '" + END + "' comes before");
    }

    @Test
    void checkSaysWhatIsMissingAndFailsWithoutWriting() throws Exception {
        twoPostmortems();
        Cli.Result r = run("index", "--check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("postmortems/README.md does not exist; run pm index");
        assertThat(repo.resolve("postmortems/README.md")).doesNotExist();
        write("postmortems/README.md", "# Ours\n");
        add();
        assertThat(run("index", "--check").out()).contains("has no index yet");
    }

    @Test
    void checkLeavesOutOverdueCountsSoAnIndexDoesNotAgeButPmIndexRefreshesThem() throws Exception {
        twoPostmortems();
        assertThat(run("index", "--as-of", "2025-03-05").code()).isZero();
        assertThat(readme()).contains("0 overdue as of 2025-03-05");
        Cli.Result check = run("index", "--check"); // today: one item is late now
        assertThat(check.code()).as(check.toString()).isZero();
        assertThat(check.err()).contains("up to date (its overdue counts are older; pm index refreshes them)");
        assertThat(run("index").code()).isZero();
        assertThat(readme()).contains("2 overdue as of 2025-03-20");
    }

    @Test
    void hostileTitlesAndServicesCannotBreakTheTable() throws Exception {
        write("postmortems/x.md", PostmortemText.of("\"a | b <script>alert(1)</script> [x](javascript:alert(1))\"",
                "2025-03-01").with("services", "[\"<img src=x onerror=alert(1)>\", \"c|d\"]"));
        add();
        assertThat(run("index").code()).isZero();
        String row = rows(readme()).get(0);
        assertThat(row).isEqualTo("| 2025-03-01 | [a \\| b &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:"
                + "alert(1))](x.md) | — | &lt;img src=x onerror=alert(1)&gt;, c\\|d | published | — | 0 |");
    }

    @Test
    void orderIsNewestFirstTiesByPathThenUndatedThenUnreadableNamedOnStderr() throws Exception {
        write("postmortems/b.md", PostmortemText.of("B", "2025-01-01"));
        write("postmortems/a.md", PostmortemText.of("A", "2025-01-01"));
        write("postmortems/sub/c.md", PostmortemText.of("C", "2025-02-01"));
        write("postmortems/undated.md", PostmortemText.of("U", "2025-01-01").with("date", null));
        write("postmortems/broken.md", "---\ntitle: [unclosed\n---\n# x\n");
        write("postmortems/notes.md", "# Just notes\n");
        add();
        Cli.Result r = run("index");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("pm: postmortems/broken.md:3:", "pm: postmortems/notes.md:1: no front matter")
                .contains("(listed as unreadable in the index)");
        assertThat(rows(readme())).extracting(l -> l.split(" \\| ")[1]).containsExactly("[C](sub/c.md)",
                "[A](a.md)", "[B](b.md)", "[U](undated.md)", "[broken.md](broken.md)", "[notes.md](notes.md)");
        assertThat(readme()).contains("**4 postmortems** · 2 files unreadable (run pm lint)");
    }

    @Test
    void linksWithSpacesAndUnicodeResolveToTheFiles() throws Exception {
        write("postmortems/2025-01-01 café outage (eu).md", PostmortemText.of("Café", "2025-01-01"));
        write("postmortems/日本/2025-01-02 障害.md", PostmortemText.of("障害", "2025-01-02"));
        add();
        assertThat(run("index", "--out", "docs/incidents.md").code()).isZero();
        Path index = repo.resolve("docs/incidents.md");
        Matcher m = Pattern.compile("\\]\\(([^)]*)\\)").matcher(Files.readString(index));
        int links = 0;
        while (m.find()) {
            links++;
            String url = m.group(1);
            assertThat(url).doesNotContain(" ", "(").startsWith("../postmortems/");
            assertThat(index.getParent().resolve(URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8)))
                    .isRegularFile();
        }
        assertThat(links).isEqualTo(2);
    }

    @Test
    void theIndexFileIsSetInPmYmlInsideTheRepositoryOnly() throws Exception {
        twoPostmortems();
        write(".pm.yml", "index:\n  file: INCIDENTS.md\n");
        assertThat(run("index").code()).isZero();
        assertThat(Files.readString(repo.resolve("INCIDENTS.md")))
                .contains("[Cache stampede](postmortems/2025-02-02-cache.md)");
        write(".pm.yml", "index:\n  file: ../outside.md\n");
        Cli.Result r = run("index");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: .pm.yml:2: index.file '../outside.md' is outside the repository");
        write(".pm.yml", "index:\n  path: x.md\n");
        assertThat(run("overdue").err()).contains(".pm.yml:2: unknown setting 'index.path'; known: file");
    }

    @Test
    void noGitRevAndTheSelectionOfPmOverdue() throws Exception {
        twoPostmortems();
        write("postmortems/untracked.md", PostmortemText.of("Untracked", "2025-03-19"));
        git.commit().setMessage("two").call();
        assertThat(run("index").code()).isZero();
        assertThat(readme()).doesNotContain("Untracked");
        assertThat(run("index", "--no-git").code()).isZero();
        assertThat(readme()).contains("[Untracked](untracked.md)");
        write("postmortems/2025-03-19-new.md", PostmortemText.of("New", "2025-03-19"));
        add();
        assertThat(run("index", "--rev", "HEAD").code()).isZero();
        assertThat(readme()).doesNotContain("New", "Untracked").contains("Cache stampede");
        assertThat(run("index", "--no-git", "--rev", "HEAD").code()).isEqualTo(2);
    }

    @Test
    void aMissingFolderIsAnInputErrorAndNothingIsWritten() throws Exception {
        Cli.Result r = run("index");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: postmortems: no such folder: it is postmortems_dir");
        assertThat(run("index", "nope").err()).startsWith("pm: nope: no such folder; name the folder");
        assertThat(repo.resolve("postmortems")).doesNotExist();
        assertThat(repo.resolve("nope")).doesNotExist();
    }

    @Test
    void helpHasExamples() {
        Cli.Result r = run("index", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("pm index --check", "--out", "--as-of", "Exit status");
        assertThat(run("--help").out()).contains("index");
    }
}
