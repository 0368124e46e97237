package pm.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;
import pm.testing.TempGit;

/**
 * {@code pm lint} and {@code pm overdue} in the git situations people are really in, and with a repository
 * that tries to make pm run its code. Each case: the exit code, one line per problem naming the file and what
 * to do, no stack trace, and every other file still read.
 */
class GitHardeningTest {
    @TempDir
    Path repo;

    /** A postmortem whose one action item (owner @maria) was due 2025-03-28. */
    private static final String GOOD = Inputs.CLEAN;

    private Path write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Git commitAll(Git git) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage("postmortems").setSign(false).call();
        return git;
    }

    private static void assertCalm(Cli.Result r) {
        assertThat(r.err() + r.out()).as(r.toString()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("internal error");
    }

    private Cli.Result overdue(Path cwd, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "overdue";
        args[1] = "--as-of";
        args[2] = "2025-06-01";
        System.arraycopy(more, 0, args, 3, more.length);
        Cli.Result r = Cli.in(cwd).run(args);
        assertCalm(r);
        return r;
    }

    @Test
    void notAGitRepositoryLintWorksAndOverdueSaysToUseNoGit() throws Exception {
        write("postmortems/a.md", GOOD);
        Cli.Result lint = Cli.in(repo).run("lint");
        assertCalm(lint);
        assertThat(lint.code()).as(lint.toString()).isZero();
        Cli.Result od = overdue(repo);
        assertThat(od.code()).isEqualTo(2);
        assertThat(od.err()).startsWith("pm: postmortems: not inside a git repository;").contains("--no-git")
                .hasLineCount(1);
        Cli.Result noGit = overdue(repo, "--no-git");
        assertThat(noGit.code()).as(noGit.toString()).isZero();
        assertThat(noGit.out()).contains("Alert when the pg_wal volume passes 80%");
        Cli.Result staged = Cli.in(repo).run("lint", "--staged");
        assertCalm(staged);
        assertThat(staged.code()).isEqualTo(2);
        assertThat(staged.err().strip()).hasLineCount(1).contains("git");
    }

    @Test
    void repositoryWithNoCommitsReadsWhatIsStaged() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("postmortems/a.md", GOOD);
            git.add().addFilepattern(".").call();
            assertThat(Cli.in(repo).run("lint", "--staged").code()).isZero();
            assertThat(overdue(repo).out()).contains("Alert when the pg_wal volume passes 80%");
            Cli.Result rev = overdue(repo, "--rev", "HEAD");
            assertThat(rev.code()).isEqualTo(2);
            assertThat(rev.err().strip()).hasLineCount(1).contains("HEAD");
        }
    }

    @Test
    void detachedHeadIsLikeAnyCheckout() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("postmortems/a.md", GOOD);
            commitAll(git);
            git.checkout().setName(git.getRepository().resolve("HEAD").name()).call();
            assertThat(git.getRepository().getFullBranch()).doesNotStartWith("refs/");
            assertThat(overdue(repo).out()).contains("Alert when the pg_wal volume passes 80%");
            assertThat(overdue(repo, "--rev", "HEAD").out()).contains("Alert when the pg_wal volume passes 80%");
            assertThat(Cli.in(repo).run("lint", "--staged").code()).isZero();
        }
    }

    @Test
    void linkedWorktreeReadsItsOwnFiles(@TempDir Path other) throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("postmortems/a.md", GOOD);
            commitAll(git);
            // what `git worktree add` leaves behind, written by hand (JGit cannot create worktrees)
            Path meta = Files.createDirectories(repo.resolve(".git/worktrees/wt"));
            Path wt = Files.createDirectories(other.resolve("wt"));
            Files.writeString(wt.resolve(".git"), "gitdir: " + meta + "\n");
            Files.writeString(meta.resolve("gitdir"), wt.resolve(".git") + "\n");
            Files.writeString(meta.resolve("commondir"), "../..\n");
            Files.writeString(meta.resolve("HEAD"), git.getRepository().resolve("HEAD").name() + "\n");
            Files.createDirectories(wt.resolve("postmortems"));
            Files.writeString(wt.resolve("postmortems/a.md"), GOOD.replace("Alert when", "Page when"));
            Cli.Result r = overdue(wt, "--rev", "HEAD");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Alert when the pg_wal volume passes 80%");
            Cli.Result lint = Cli.in(wt).run("lint");
            assertCalm(lint);
            assertThat(lint.code()).as(lint.toString()).isIn(0, 1);
        }
    }

    /**
     * {@code git init --separate-git-dir} leaves a {@code .git} file naming the repository elsewhere: the work tree is
     * the folder of that file (JGit alone took the git dir's parent, so pm listed nothing and every gate passed).
     */
    @Test
    void separateGitDirIsReadLikeAnyCheckout(@TempDir Path other) throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("postmortems/a.md", GOOD);
            commitAll(git);
        }
        Path gitDir = other.resolve("r.git");
        Files.move(repo.resolve(".git"), gitDir);
        Files.writeString(repo.resolve(".git"), "gitdir: " + gitDir + "\n");
        Cli.Result od = overdue(repo, "--fail-on-overdue");
        assertThat(od.out()).as(od.toString()).contains("Alert when the pg_wal volume passes 80%")
                .contains("Read 1 postmortem");
        assertThat(od.code()).as("the late item fails the gate").isEqualTo(1);
        assertThat(overdue(repo, "--rev", "HEAD").out()).contains("Alert when the pg_wal volume passes 80%");
        write("postmortems/a.md", GOOD + "\nIt was Bob's fault.\n");
        try (Git git = new Git(new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setGitDir(gitDir.toFile())
                .setWorkTree(repo.toFile()).build())) {
            git.add().addFilepattern("postmortems/a.md").call();
        }
        Cli.Result staged = Cli.in(repo).run("lint", "--staged");
        assertCalm(staged);
        assertThat(staged.code()).as(staged.toString()).isEqualTo(1);
        assertThat(staged.out()).contains("postmortems/a.md").contains("blame-language");
        Cli.Result sub = Cli.in(repo.resolve("postmortems")).run("lint", "--staged");
        assertThat(sub.code()).as("from a folder inside the work tree: " + sub).isEqualTo(1);
    }

    @Test
    void fileTrackedButDeletedFromTheWorkingTreeIsOneSkippedLineAndTheRestIsReported() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("postmortems/a.md", GOOD);
            write("postmortems/b.md", GOOD.replace("Alert when", "Page when"));
            commitAll(git);
            Files.delete(repo.resolve("postmortems/b.md"));
            Cli.Result r = overdue(repo);
            assertThat(r.out()).contains("Alert when the pg_wal volume passes 80%");
            assertThat(r.err().lines().filter(l -> l.contains("b.md"))).hasSizeLessThanOrEqualTo(1);
            assertThat(overdue(repo, "--rev", "HEAD").out()).contains("Page when the pg_wal volume passes 80%");
            Cli.Result lint = Cli.in(repo).run("lint");
            assertCalm(lint);
            assertThat(lint.code()).isZero();
        }
    }

    @Test
    void symlinksOutOfTheRepositoryAndLoopsAreNotFollowed(@TempDir Path outside) throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("postmortems/a.md", GOOD);
            Path secret = Files.writeString(outside.resolve("secret.md"),
                    GOOD.replace("Alert when the pg_wal", "SECRET outside the repository"));
            Files.createSymbolicLink(repo.resolve("postmortems/out.md"), secret);
            Files.createSymbolicLink(repo.resolve("postmortems/outdir"), outside);
            Files.createSymbolicLink(repo.resolve("postmortems/loop.md"), repo.resolve("postmortems/loop.md"));
            Files.createSymbolicLink(repo.resolve("postmortems/up"), repo.resolve("postmortems"));
            commitAll(git);
            for (Cli.Result r : new Cli.Result[] {Cli.in(repo).run("lint"), overdue(repo), overdue(repo, "--no-git"),
                    overdue(repo, "--include-untracked"), overdue(repo, "--rev", "HEAD")}) {
                assertCalm(r);
                assertThat(r.out() + r.err()).as(r.toString()).doesNotContain("SECRET");
                assertThat(r.code()).as(r.toString()).isNotEqualTo(3);
            }
        }
    }

    @Test
    void pathsWithSpacesAndNonAsciiAreNamedAsTheyAre() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("post mortems/2025 Zürich – café 🔥.md", GOOD.replace("severity: SEV2", "severity: SEV9"));
            Files.writeString(repo.resolve(".pm.yml"), "postmortems_dir: post mortems\n");
            commitAll(git);
            Cli.Result lint = Cli.in(repo).run("lint");
            assertCalm(lint);
            assertThat(lint.code()).isEqualTo(1);
            assertThat(lint.out()).contains("post mortems/2025 Zürich – café 🔥.md:4:");
            assertThat(overdue(repo).out()).contains("Alert when the pg_wal volume passes 80%");
            write("post mortems/2025 Zürich – café 🔥.md", GOOD.replace("severity: SEV2", "severity: SEV8"));
            git.add().addFilepattern(".").call();
            assertThat(Cli.in(repo.resolve("post mortems")).run("lint", "--staged").out()).contains("café 🔥.md:4:");
        }
    }

    @Test
    void badFilesAreOneLineEachAndEveryOtherFileIsStillRead() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("postmortems/1-good.md", GOOD);
            write("postmortems/2-empty.md", "");
            Files.write(repo.resolve("postmortems/3-binary.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
            Files.write(repo.resolve("postmortems/4-latin1.md"), GOOD.replace("Maria", "Mar\u00eda")
                    .getBytes(StandardCharsets.ISO_8859_1));
            write("postmortems/5-unterminated.md", "---\ntitle: x\n\n## Summary\n");
            write("postmortems/6-bom-crlf.md", "\uFEFF" + GOOD.replace("\n", "\r\n"));
            write("postmortems/7-yaml-bomb.md", Inputs.withFrontMatter("a: &a [x, x]\nb: [*a, *a]\n"
                    + "x: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
            commitAll(git);

            Cli.Result lint = Cli.in(repo).run("lint");
            assertCalm(lint);
            assertThat(lint.code()).isEqualTo(2);
            assertThat(lint.err().lines()).containsExactly(
                    "pm: postmortems/3-binary.md: is a binary file, not Markdown text; rename it or remove it from "
                            + "the postmortems folder",
                    "pm: postmortems/4-latin1.md:6: is not valid UTF-8 (byte 94); save the file as UTF-8");
            assertThat(lint.out())
                    .contains("postmortems/2-empty.md:1:1: error front-matter no front matter")
                    .contains("postmortems/5-unterminated.md:1:1: error front-matter front matter is never closed")
                    .contains("postmortems/7-yaml-bomb.md:4:")
                    .contains("YAML is nested more than 64 levels deep")
                    .doesNotContain("1-good.md").doesNotContain("6-bom-crlf.md");

            Cli.Result od = overdue(repo);
            assertThat(od.code()).as(od.toString()).isIn(0, 2);
            assertThat(od.out()).contains("Alert when the pg_wal volume passes 80%");
            assertThat(od.err()).contains("3-binary.md").contains("4-latin1.md");
            od.err().lines().forEach(l -> assertThat(l).startsWith("pm: postmortems/"));
        }
    }

    @Test
    void pmRunsNoHooksFiltersOrCommandsFromTheRepository() throws Exception {
        Path marker = repo.resolve("PWNED");
        String touch = "touch " + marker;
        try (Git git = TempGit.init(repo, "x")) {
            write("postmortems/a.md", GOOD);
            write("postmortems/b.md", GOOD);
            commitAll(git);
            write("postmortems/a.md", GOOD.replace("Alert when", "Page when"));
            git.add().addFilepattern(".").call(); // staged before the traps are set: JGit's add runs filters
            write("postmortems/b.md", GOOD.replace("Alert when", "Wake when")); // modified, not staged
            write("postmortems/c.md", GOOD); // untracked
            Path hooks = Files.createDirectories(repo.resolve("evil-hooks"));
            for (String hook : new String[] {"pre-commit", "post-checkout", "post-index-change", "fsmonitor-watchman",
                    "reference-transaction", "pre-auto-gc"}) {
                Path h = Files.writeString(hooks.resolve(hook), "#!/bin/sh\n" + touch + "\n");
                Files.setPosixFilePermissions(h, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.copy(h, repo.resolve(".git/hooks/" + hook));
            }
            StoredConfig config = git.getRepository().getConfig();
            config.setString("core", null, "hooksPath", hooks.toString());
            config.setString("core", null, "fsmonitor", touch);
            config.setString("core", null, "sshCommand", touch);
            config.setString("core", null, "pager", touch);
            config.setString("core", null, "editor", touch);
            config.setString("filter", "evil", "clean", touch);
            config.setString("filter", "evil", "smudge", touch);
            config.setString("filter", "evil", "process", touch);
            config.setBoolean("filter", "evil", "required", true);
            config.setString("diff", null, "external", touch);
            config.setString("credential", null, "helper", "!" + touch);
            config.save();
            write(".gitattributes", "*.md filter=evil diff=evil\n");
            write("templates/evil.md", "---\ntitle: {{title}}\n---\n$(" + touch + ")\n`" + touch + "`\n");
            write(".pm.yml", "postmortems_dir: postmortems\ntemplates_dir: templates\n");
            assertThat(marker).doesNotExist();

            for (String[] args : new String[][] {{"lint"}, {"lint", "--staged"}, {"lint", "--fix"},
                    {"overdue", "--as-of", "2025-06-01"}, {"overdue", "--rev", "HEAD"}, {"overdue", "--include-untracked"},
                    {"new", "$(" + touch + ")", "--template", "evil"}, {"init"}}) {
                Cli.Result r = Cli.in(repo).run(args);
                assertCalm(r);
                assertThat(marker).as(String.join(" ", args) + "\n" + r).doesNotExist();
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aListNestedThousandsDeepIsOneLineAndTheHookDoesNotStall() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("postmortems/1-good.md", GOOD);
            StringBuilder deep = new StringBuilder(GOOD).append('\n');
            for (int i = 0; i < 2000; i++) {
                deep.append("  ".repeat(i)).append("- level ").append(i).append('\n');
            }
            write("postmortems/2-deep.md", deep.toString());
            git.add().addFilepattern(".").call();
            for (String[] args : new String[][] {{"lint"}, {"lint", "--staged"}}) {
                Cli.Result r = Cli.in(repo).run(args);
                assertCalm(r);
                assertThat(r.code()).as(r.toString()).isEqualTo(2);
                assertThat(r.err().strip()).hasLineCount(1).matches("pm: postmortems/2-deep\\.md:\\d+: lists or quotes "
                        + "nested more than 16 levels deep; flatten the list \\(or put the text in a code block\\)");
                assertThat(r.out()).contains("1 file checked").contains("1 file could not be read");
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(180)
    void twentyMegabyteFileAndTwoMegabyteLineAreLintedInBoundedTimeBesideTheOthers() throws Exception {
        write("postmortems/1-good.md", GOOD);
        Path big = repo.resolve("postmortems/2-big.md");
        try (var out = Files.newOutputStream(big)) {
            out.write(Inputs.utf8(GOOD.replace("## Lessons learned", "```text\n")));
            byte[] line = Inputs.utf8("2025-03-14T09:12:00.123Z ERROR payments-api: connection to db-1 refused\n");
            for (long n = 0; n < 20L * 1024 * 1024 / line.length; n++) {
                out.write(line);
            }
            out.write(Inputs.utf8("```\n\n## Lessons learned\n\nKeep logs out of postmortems.\n"));
        }
        write("postmortems/3-long-line.md", GOOD.replace("For 50 minutes",
                "The retry loop logged the same warning again. ".repeat(2 * 1024 * 1024 / 46) + "For 50 minutes"));
        write("postmortems/4-blame.md", GOOD.replace("For 50 minutes", "Bob should have checked. For 50 minutes"));
        long t0 = System.nanoTime();
        Cli.Result r = Cli.in(repo).run("lint");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertCalm(r);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("postmortems/4-blame.md:").contains("blame-language")
                .doesNotContain("1-good.md").doesNotContain("2-big.md").doesNotContain("3-long-line.md");
        assertThat(seconds).as("seconds for 24 MB").isLessThan(120); // ~10 s measured on 2 busy cores
        Cli.Result od = overdue(repo, "--no-git");
        assertThat(od.code()).as(od.toString()).isZero();
    }

    @Test
    void htmlCommentNeverClosedIsOneFindingAtItsLineSayingToCloseIt() throws Exception {
        write("postmortems/a.md", GOOD.replace("## Impact assessment", "<!-- draft: fill in later\n\n## Impact assessment"));
        Cli.Result r = Cli.in(repo).run("lint");
        assertCalm(r);
        assertThat(r.code()).isEqualTo(1);
        int line = (int) GOOD.substring(0, GOOD.indexOf("## Impact assessment")).lines().count() + 1;
        assertThat(r.out().lines().filter(l -> l.contains(" error "))).containsExactly("postmortems/a.md:" + line
                + ":1: error missing-section '<!--' is never closed, so everything after it is hidden and the sections "
                + "there count as missing: end the comment with '-->'");
    }
}
