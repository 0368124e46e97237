package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.model.Postmortem;
import pm.model.SectionKind;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.testing.Cli;
import pm.testing.Jvm;
import pm.testing.TempGit;

class NewCommandTest {
    @TempDir
    Path repo;

    @BeforeEach
    void gitRepo() throws Exception {
        try (Git git = TempGit.init(repo, "Ada Lovelace")) {
            assertThat(git.getRepository().getDirectory()).exists();
        }
    }

    private Postmortem parse(Path file) throws Exception {
        return new PostmortemParser(Schema.DEFAULT).parse(file, SourceText.of(Files.readString(file)));
    }

    @Test
    void writesTheEightSectionTemplateWithFrontMatterFilledIn() throws Exception {
        Cli.Result r = Cli.in(repo).run("new", "Payment API outage", "--severity", "sev2",
                "--service", "payments", "--service", "checkout");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("postmortems/2025-03-20-payment-api-outage.md");
        Postmortem pm = parse(repo.resolve("postmortems/2025-03-20-payment-api-outage.md"));
        assertThat(pm.frontMatter().problems()).isEmpty();
        assertThat(pm.frontMatter().title()).isEqualTo("Payment API outage");
        assertThat(pm.frontMatter().date()).hasToString("2025-03-20");
        assertThat(pm.frontMatter().severity()).isEqualTo("SEV2");
        assertThat(pm.frontMatter().status()).isEqualTo("draft");
        assertThat(pm.frontMatter().services()).containsExactly("payments", "checkout");
        assertThat(pm.frontMatter().authors()).containsExactly("Ada Lovelace");
        assertThat(pm.frontMatter().actionItems()).isEmpty();
        assertThat(pm.sections().stream().filter(s -> s.level() == 2).map(s -> s.kind()))
                .containsExactly(SectionKind.values());
        assertThat(pm.sections().stream().filter(s -> s.level() == 2).map(s -> s.heading()))
                .containsExactly("Summary", "Timeline", "Impact assessment", "Root cause analysis",
                        "What went well", "What went poorly", "Action items", "Lessons learned");
    }

    @Test
    void timelineAndActionItemTablesHaveTheirHeaders() throws Exception {
        Cli.in(repo).run("new", "Disk full");
        String text = Files.readString(repo.resolve("postmortems/2025-03-20-disk-full.md"));
        assertThat(text).contains("| Time (UTC) | Event | Source |")
                .contains("| Action item | Owner | Due | Priority | Status |")
                .containsIgnoringCase("never \"human error\"")
                .contains("an owner, a due date and a priority");
    }

    @Test
    void everySectionCarriesAPrompt() throws Exception {
        Cli.in(repo).run("new", "Disk full");
        Postmortem pm = parse(repo.resolve("postmortems/2025-03-20-disk-full.md"));
        for (var section : pm.sections()) {
            if (section.level() == 2) {
                assertThat(pm.comments()).as(section.heading())
                        .anyMatch(c -> c.start() >= section.contentStart() && c.end() <= section.contentEnd());
            }
        }
    }

    @Test
    void refusesToOverwriteAndLeavesTheFileAlone() throws Exception {
        assertThat(Cli.in(repo).run("new", "Disk full").code()).isZero();
        Path file = repo.resolve("postmortems/2025-03-20-disk-full.md");
        Files.writeString(file, "my notes");

        Cli.Result again = Cli.in(repo).run("new", "Disk full");

        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).startsWith("pm: postmortems/2025-03-20-disk-full.md: already exists")
                .doesNotContain("Exception");
        assertThat(Files.readString(file)).isEqualTo("my notes");
    }

    @Test
    void twoConcurrentRunsWithTheSameTitleGiveOneFileAndOneRefusal() throws Exception {
        for (int round = 0; round < 10; round++) {
            String title = "Race " + round;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Cli.Result>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return Cli.in(repo).run("new", title);
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Cli.Result> f : results) {
                codes.add(f.get().code());
            }
            pool.shutdown();
            assertThat(codes).containsExactlyInAnyOrder(0, 2);
        }
        try (Stream<Path> files = Files.list(repo.resolve("postmortems"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(10).allMatch(n -> n.matches("2025-03-20-race-\\d\\.md"));
        }
    }

    @Test
    void titlesThatLookLikePathsStayInsideTheTargetDirectory() throws Exception {
        List<String> titles = List.of("../../etc/passwd", "/etc/shadow", "..", "a/../../b", "C:\\Windows\\x",
                "...", "emoji 🔥 only"); // a NUL is refused with the other control characters (below)
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            Cli.Result r = Cli.in(repo).run("new", title, "--dir", "d" + i);
            assertThat(r.code()).as(title + "\n" + r).isZero();
            Path written = repo.resolve(r.out().strip()).normalize();
            assertThat(written.getParent()).isEqualTo(repo.resolve("d" + i));
            assertThat(written.getFileName().toString()).matches("2025-03-20-[a-z0-9-]+\\.md");
        }
    }

    @Test
    void titleIsKeptExactlyInTheFrontMatterEvenWithYamlSpecialCharacters() throws Exception {
        String title = "Outage: \"quoted\" #1 & yes";
        Cli.Result r = Cli.in(repo).run("new", title);
        Postmortem pm = parse(repo.resolve(r.out().strip()));
        assertThat(pm.frontMatter().problems()).isEmpty();
        assertThat(pm.frontMatter().title()).isEqualTo(title);
        for (String t : List.of("yes", "null", "404", "a, b")) {
            Path f = repo.resolve(Cli.in(repo).run("new", t, "--dir", "other").out().strip());
            assertThat(parse(f).frontMatter().title()).isEqualTo(t);
        }
    }

    @Test
    void dateOptionNamesTheFile() throws Exception {
        Cli.Result r = Cli.in(repo).run("new", "Old outage", "--date", "2024-02-29");
        assertThat(r.out().strip()).isEqualTo("postmortems/2024-02-29-old-outage.md");
        assertThat(parse(repo.resolve(r.out().strip())).frontMatter().date()).hasToString("2024-02-29");
    }

    @Test
    void badDateIsAUsageError() {
        for (String bad : List.of("2024-02-30", "next week", "2024-2-3")) {
            Cli.Result r = Cli.in(repo).run("new", "x", "--date", bad);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("pm new: Invalid value for option '--date': '" + bad + "'")
                    .contains("date").endsWith("Run 'pm new --help' for usage.\n").hasLineCount(2);
        }
        assertThat(repo.resolve("postmortems")).doesNotExist();
    }

    @Test
    void unknownSeverityIsAUsageErrorListingTheAllowedOnes() {
        Cli.Result r = Cli.in(repo).run("new", "x", "--severity", "critical");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'critical' is not one of SEV1, SEV2, SEV3, SEV4").hasLineCount(1);
    }

    @Test
    void authorsFromOptionsReplaceTheGitDefault() throws Exception {
        Cli.Result r = Cli.in(repo).run("new", "x", "--author", "Grace Hopper", "--author", "@linus");
        assertThat(parse(repo.resolve(r.out().strip())).frontMatter().authors())
                .containsExactly("Grace Hopper", "@linus");
    }

    @Test
    void withoutSeverityTheFieldIsLeftEmptyForTheAuthorToFill() throws Exception {
        Cli.Result r = Cli.in(repo).run("new", "x");
        Postmortem pm = parse(repo.resolve(r.out().strip()));
        assertThat(pm.frontMatter().severity()).isNull();
        assertThat(pm.frontMatter().problems()).isEmpty();
    }

    @Test
    void templateVariantsAreBuiltIn() throws Exception {
        for (String t : List.of("near-miss", "security", "postmortem")) {
            Cli.Result r = Cli.in(repo).run("new", "With " + t, "--template", t);
            assertThat(r.code()).as(r.toString()).isZero();
            Postmortem pm = parse(repo.resolve(r.out().strip()));
            assertThat(pm.frontMatter().problems()).isEmpty();
            assertThat(pm.sections().stream().map(s -> s.kind()).filter(k -> k != null).distinct())
                    .hasSize(8);
        }
    }

    @Test
    void unknownOrPathLikeTemplateIsAUsageError() {
        for (String t : List.of("nope", "../pom", "/etc/passwd", "..")) {
            Cli.Result r = Cli.in(repo).run("new", "x", "--template", t);
            assertThat(r.code()).as(t).isEqualTo(2);
            assertThat(r.err()).contains("available: near-miss, postmortem, security").hasLineCount(1);
        }
    }

    @Test
    void repositoryTemplatesWinOverBuiltIns() throws Exception {
        Files.writeString(repo.resolve(".pm.yml"), "templates_dir: tpl\npostmortems_dir: docs/pm\n");
        Files.createDirectories(repo.resolve("tpl"));
        Files.writeString(repo.resolve("tpl/postmortem.md"), "---\ntitle: {{title}}\ndate: {{date}}\n---\n# Ours: {{title}}\n");
        Files.writeString(repo.resolve("tpl/db.md"), "---\ntitle: {{title}}\n---\n# DB\n");

        Cli.Result r = Cli.in(repo).run("new", "Mine");
        assertThat(r.out().strip()).isEqualTo("docs/pm/2025-03-20-mine.md");
        assertThat(Files.readString(repo.resolve("docs/pm/2025-03-20-mine.md"))).contains("# Ours: Mine");
        assertThat(Cli.in(repo).run("new", "Other", "--template", "db").code()).isZero();
        assertThat(Cli.in(repo).run("new", "x", "--template", "zzz").err())
                .contains("available: db, near-miss, postmortem, security");
    }

    @Test
    void configIsFoundFromASubdirectoryAndDirOptionIsRelativeToTheWorkingDirectory() throws Exception {
        Files.writeString(repo.resolve(".pm.yml"), "postmortems_dir: incidents\n");
        Path sub = Files.createDirectories(repo.resolve("a/b"));
        Cli.Result r = Cli.in(sub).run("new", "Deep");
        assertThat(r.out().strip()).isEqualTo(repo.resolve("incidents/2025-03-20-deep.md").toString());
        Cli.Result d = Cli.in(sub).run("new", "Here", "--dir", "pms");
        assertThat(d.out().strip()).isEqualTo("pms/2025-03-20-here.md");
        assertThat(sub.resolve("pms/2025-03-20-here.md")).exists();
    }

    @Test
    void configuredSeveritiesAreTheOnesAccepted() throws Exception {
        Files.writeString(repo.resolve(".pm.yml"), "severities: [critical, major, minor]\n");
        assertThat(Cli.in(repo).run("new", "x", "--severity", "MAJOR").code()).isZero();
        assertThat(Cli.in(repo).run("new", "y", "--severity", "SEV1").err()).contains("critical, major, minor");
    }

    @Test
    void badConfigIsReportedWithItsLine() throws Exception {
        Files.writeString(repo.resolve(".pm.yml"), "postmortems_dir: x\nseverity: [a]\n");
        Cli.Result r = Cli.in(repo).run("new", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: .pm.yml:2: unknown setting 'severity'").hasLineCount(1);
    }

    @Test
    void editOpensTheFileInTheUsersEditor() throws Exception {
        Path script = repo.resolve("fake-editor.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1\" > \"$(dirname \"$0\")/opened.txt\"\n");
        script.toFile().setExecutable(true);
        Cli.Result r = Cli.in(repo).env("EDITOR", script.toString()).run("new", "Edit me", "--edit");
        assertThat(r.code()).isZero();
        assertThat(Files.readString(repo.resolve("opened.txt")).strip())
                .endsWith("postmortems/2025-03-20-edit-me.md");
    }

    @Test
    void editWithoutAnEditorStillCreatesTheFileAndSaysSo() {
        Cli.Result r = Cli.in(repo).run("new", "No editor", "--edit");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("set $VISUAL or $EDITOR");
        assertThat(repo.resolve("postmortems/2025-03-20-no-editor.md")).exists();
    }

    @Test
    void worksOutsideGit(@TempDir Path plain) throws Exception {
        Cli.Result r = Cli.in(plain).run("new", "No git", "--author", "Me");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(new String(Files.readAllBytes(plain.resolve("postmortems/2025-03-20-no-git.md")),
                StandardCharsets.UTF_8)).contains("authors: [Me]");
    }

    @Test
    void aTitleWithALineBreakOrAControlCharacterIsAUsageErrorAndWritesNothing() {
        record Case(String title, String error) {
        }
        for (Case c : List.of(
                new Case("Outage\npostmortems/x.md:1:1: error forged", "a line break (\\n at character 7)"),
                new Case("Outage\r\n# Injected", "a line break (\\r at character 7)"),
                new Case("a\u001b[2Jb", "a control character (\\e at character 2)"),
                new Case("a\u001b]52;c;ZXZpbA==\u0007", "a control character (\\e at character 2)"),
                new Case("CSI \u009b31m", "a control character (\\x9b at character 5)"),
                new Case("tab\there", "a control character (\\t at character 4)"))) {
            Cli.Result r = Cli.in(repo).run("new", c.title());
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("pm: the title holds " + c.error() + "; give it as plain text on one "
                    + "line, e.g. pm new \"Payment API outage\"\n");
            assertThat(r.out()).isEmpty();
        }
        assertThat(repo.resolve("postmortems")).doesNotExist();
    }

    @Test
    void whitespaceAroundTheTitleIsDroppedLineBreaksIncluded() throws Exception {
        Cli.Result r = Cli.in(repo).run("new", "\tPayment API outage\n");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(parse(repo.resolve(r.out().strip())).frontMatter().title()).isEqualTo("Payment API outage");
    }

    @Test
    void emptyTitleIsAUsageError() {
        Cli.Result r = Cli.in(repo).run("new", "  ");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("title is empty");
    }

    /**
     * A new file is as readable as any other new file the user makes: 0666 less the umask, like an editor's or
     * git's (it was 0600 whatever the umask). Each umask is set on a pm process of its own, as a shell would.
     */
    @Test
    void newAndInitCreateFilesWithThePermissionsTheUmaskGives() throws Exception {
        for (String[] umask : new String[][] {{"002", "rw-rw-r--"}, {"027", "rw-r-----"}}) {
            Path root = Files.createDirectory(repo.resolve("u" + umask[0]));
            Files.createDirectory(root.resolve(".git")); // its own repository root, for pm init
            Process init = Jvm.startWithUmask(root, umask[0], pm.launcher.Main.class, "init");
            assertThat(init.waitFor()).as(new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
            Process created = Jvm.startWithUmask(root, umask[0], pm.launcher.Main.class, "new", "Disk full", "--date",
                    "2025-03-20");
            String out = new String(created.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(created.waitFor()).as(out).isZero();
            assertThat(out).isEqualTo("postmortems/2025-03-20-disk-full.md\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(".pm.yml"))))
                    .as("pm init under umask " + umask[0]).isEqualTo(umask[1]);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    root.resolve("postmortems/2025-03-20-disk-full.md")))).as("pm new under umask " + umask[0])
                    .isEqualTo(umask[1]);
            try (Stream<Path> left = Files.list(root.resolve("postmortems"))) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                        "2025-03-20-disk-full.md", ".markdownlint.yaml");
            }
        }
    }
}
