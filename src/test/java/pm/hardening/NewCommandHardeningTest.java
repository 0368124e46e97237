package pm.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import pm.io.TextFiles;
import pm.model.Postmortem;
import pm.testing.Cli;
import pm.testing.TempGit;

/**
 * {@code pm new} and the files it reads (.pm.yml, templates) under hostile or broken input: it writes one
 * new file inside the target directory or exits 2 with one line naming the problem, and never more.
 */
class NewCommandHardeningTest {
    @TempDir
    Path repo;

    @BeforeEach
    void gitRepo() throws Exception {
        try (Git git = TempGit.init(repo, "Ada")) {
            assertThat(git.getRepository().getDirectory()).exists();
        }
    }

    /** Every regular file under the repository outside .git, relative to it. */
    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.walk(repo)) {
            return s.filter(Files::isRegularFile).map(p -> repo.relativize(p).toString())
                    .filter(p -> !p.startsWith(".git/")).sorted().toList();
        }
    }

    private static void assertOneLineError(Cli.Result r, String startsWith) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).startsWith(startsWith).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).as(r.toString()).hasSizeLessThanOrEqualTo(2); // usage errors add "Run ... --help"
        assertThat(r.out()).isEmpty();
    }

    @Test
    void hostileTitlesWriteOneFileInsideTheTargetDirectoryAndKeepTheTitleAsData() throws Exception {
        Path marker = repo.resolve("pwned");
        List<String> titles = List.of(
                "\"; title: hacked",
                "severity: SEV1 --- # injected",
                "{{title}} {{date}} {{severity}}",
                "$(touch " + marker + ")",
                "`touch " + marker + "`",
                "\u202Eevil\u202C gpj.md",
                "CON",
                "./.git/hooks/pre-commit",
                "%2e%2e%2f%2e%2e%2fetc",
                "~root/.ssh/authorized_keys",
                "a".repeat(10_000),
                "---",
                "!!java.net.URL [\"http://x\"]",
                "&a [*a]");
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            // a title that starts with '-' needs '--' before it, as with any command-line tool
            Cli.Result r = title.startsWith("-") ? Cli.in(repo).run("new", "--dir", "pm" + i, "--", title)
                    : Cli.in(repo).run("new", title, "--dir", "pm" + i);
            assertThat(r.code()).as(title + "\n" + r).isZero();
            Path written = repo.resolve(r.out().strip()).normalize();
            assertThat(written.getParent()).isEqualTo(repo.resolve("pm" + i));
            assertThat(written.getFileName().toString()).matches("2025-03-20-[a-z0-9-]{1,60}\\.md");
            Postmortem pm = Inputs.PARSER.parse(written, TextFiles.read(written));
            assertThat(pm.frontMatter().problems()).as(title).isEmpty();
            assertThat(pm.frontMatter().title()).as(title).isEqualTo(title.strip());
            assertThat(pm.frontMatter().severity()).as(title).isNull();
        }
        assertThat(marker).doesNotExist();
        assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();
        assertThat(files()).hasSize(titles.size()).allMatch(f -> f.matches("pm\\d+/2025-03-20-[a-z0-9-]+\\.md"));
    }

    @Test
    void titlesThatWouldWriteLinesOfTheirOwnAreRefusedInOneLineAndWriteNothing() throws Exception {
        for (String title : List.of("x\nseverity: SEV1\n---\n# injected", "x\r---", "x\u2028y", "x\u0085y",
                "\u001b[2J", "x\u0000y")) {
            Cli.Result r = Cli.in(repo).run("new", title);
            assertOneLineError(r, "pm: the title holds ");
            assertThat(r.err()).as(title).hasLineCount(1).doesNotContain("\u001b").contains("plain text on one line");
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void hostileTemplateNamesAreRefusedInOneLineAndWriteNothing() throws Exception {
        Files.createDirectories(repo.resolve("tpl"));
        Files.writeString(repo.resolve(".pm.yml"), "templates_dir: tpl\n");
        Files.writeString(repo.resolve("secret.md"), "---\ntitle: {{title}}\n---\nsecret\n");
        for (String t : List.of("../secret", "..\\secret", "tpl/../../secret", "/etc/passwd", "~", ".", "..",
                ".git", "a/b", "x.md/../y", "%2e%2e%2fsecret", " ", "postmortem\u0000", "postmortem\n",
                "n".repeat(65), "-rf", "$(id)")) {
            Cli.Result r = Cli.in(repo).run("new", "x", "--template", t);
            assertOneLineError(r, "pm: ");
            assertThat(r.err()).as(t).containsAnyOf("template name", "unknown template", "Unknown option");
        }
        assertThat(files()).containsExactly(".pm.yml", "secret.md");
    }

    @Test
    void manyConcurrentRunsWithTheSameTitleGiveOneFileAndNoTemporaryFiles() throws Exception {
        int n = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Cli.Result>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int author = i;
            results.add(pool.submit(() -> {
                go.await();
                return Cli.in(repo).run("new", "Race", "--author", "writer" + author);
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Cli.Result> f : results) {
            Cli.Result r = f.get();
            codes.add(r.code());
            if (r.code() == 2) {
                assertThat(r.err()).startsWith("pm: postmortems/2025-03-20-race.md: already exists").hasLineCount(1);
            }
        }
        pool.shutdown();
        assertThat(codes).containsOnlyOnce(0).filteredOn(c -> c != 0).containsOnly(2);
        assertThat(files()).containsExactly("postmortems/2025-03-20-race.md");
        assertThat(Files.readString(repo.resolve("postmortems/2025-03-20-race.md"))).containsPattern("authors: \\[writer\\d\\]");
    }

    @Test
    void dirThatIsAFileOrIsBelowAFileIsAClearErrorAndWritesNothing() throws Exception {
        Files.writeString(repo.resolve("notes.txt"), "mine");
        assertOneLineError(Cli.in(repo).run("new", "x", "--dir", "notes.txt"),
                "pm: notes.txt: cannot create the directory: " + repo.resolve("notes.txt") + " is a file, not a directory");
        assertOneLineError(Cli.in(repo).run("new", "x", "--dir", "notes.txt/sub"),
                "pm: notes.txt/sub: cannot create the directory (a part of the path is a file, not a directory)");
        assertThat(files()).containsExactly("notes.txt");
        assertThat(Files.readString(repo.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void brokenTemplateFilesAreNamedWithWhatToDo() throws Exception {
        Files.createDirectories(repo.resolve("tpl"));
        Files.writeString(repo.resolve(".pm.yml"), "templates_dir: tpl\n");
        Files.write(repo.resolve("tpl/bin.md"), new byte[] {'-', '-', '-', 0, 1, 2});
        Files.write(repo.resolve("tpl/latin.md"), "---\ntitle: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.createSymbolicLink(repo.resolve("tpl/loop.md"), repo.resolve("tpl/loop.md"));
        assertOneLineError(Cli.in(repo).run("new", "x", "--template", "bin"), "pm: tpl/bin.md: is a binary file");
        assertOneLineError(Cli.in(repo).run("new", "x", "--template", "latin"),
                "pm: tpl/latin.md:2: is not valid UTF-8 (byte 15); save the file as UTF-8");
        assertThat(Cli.in(repo).run("new", "x", "--template", "loop").err()).contains("template").doesNotContain("Exception");
        assertThat(repo.resolve("postmortems")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void hostileConfigIsOneLineNamingPmYmlAndItsLine() throws Exception {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        record Case(String yaml, String error) {
        }
        List<Case> cases = List.of(
                new Case(bomb.toString(), "pm: .pm.yml:5: YAML aliases (*name) repeat more than 10000 values"),
                new Case("lint:\n  x: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n",
                        "pm: .pm.yml:2: YAML is nested more than 64 levels deep; flatten it"),
                new Case("postmortems_dir: a\n\tseverities: [x]\n", "pm: .pm.yml:2: "),
                new Case("postmortems_dir: !!java.net.URL [\"http://x/\"]\n", "pm: .pm.yml:1: postmortems_dir must be text"),
                new Case("postmortems_dir: a\npostmortems_dir: b\n", "pm: .pm.yml:2: duplicate key 'postmortems_dir'"),
                new Case("- a\n", "pm: .pm.yml:1: must be YAML settings"),
                new Case("severities: []\n", "pm: .pm.yml:1: severities must list at least one"));
        for (Case c : cases) {
            Files.writeString(repo.resolve(".pm.yml"), c.yaml());
            assertOneLineError(Cli.in(repo).run("new", "x"), c.error());
        }
        Files.write(repo.resolve(".pm.yml"), "postmortems_dir: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertOneLineError(Cli.in(repo).run("new", "x"), "pm: .pm.yml:1: is not valid UTF-8");
        Files.write(repo.resolve(".pm.yml"), new byte[] {0, 0, 0});
        assertOneLineError(Cli.in(repo).run("new", "x"), "pm: .pm.yml: is a binary file");
        assertThat(files()).containsExactly(".pm.yml");
    }

    @Test
    void configWithBomAndCrlfWorksLikeAPlainOne() throws Exception {
        Files.writeString(repo.resolve(".pm.yml"), "\uFEFFpostmortems_dir: docs/pm\r\nseverities: [high, low]\r\n");
        Cli.Result r = Cli.in(repo).run("new", "x", "--severity", "HIGH");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("docs/pm/2025-03-20-x.md");
    }

    @Test
    void unknownOptionsAndMissingArgumentsAreUsageErrorsPointingToHelp() {
        record Case(String[] args, String error) {
        }
        for (Case c : List.of(
                new Case(new String[] {"new", "x", "--bogus"}, "pm new: Unknown option: '--bogus'"),
                new Case(new String[] {"new"}, "pm new: Missing required parameter: 'TITLE'"),
                new Case(new String[] {"new", "x", "--date"}, "pm new: Missing required parameter for option '--date'"),
                new Case(new String[] {"--bogus"}, "pm: Unknown option: '--bogus'"),
                new Case(new String[] {"nope"}, "pm: Unmatched argument at index 0: 'nope'"),
                new Case(new String[] {"init", "extra"}, "pm init: Unmatched argument at index 1: 'extra'"))) {
            Cli.Result r = Cli.in(repo).run(c.args());
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).startsWith(c.error()).contains("--help'")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
