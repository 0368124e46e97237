package pm.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact users run, {@code target/pm} (the launcher and the packaged jar), run as a user would: the README's
 * Quick start, and a day of work in a new repository with the real git CLI (init, new, the pre-commit hook on a
 * real {@code git commit}, overdue). {@code mvn verify} runs it after packaging (maven-failsafe-plugin).
 */
class ArtifactIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("pm.launcher", "target/pm")).toAbsolutePath();
    private static final Path EXAMPLES = Path.of("src/examples/postmortems").toAbsolutePath();

    @TempDir
    static Path cache;

    /** What a command printed and how it exited. */
    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }

        /** The text format's summary: the last line, or the one before the footer of a run with findings. */
        String summaryLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - (lines[lines.length - 1].equals(pm.report.Report.TEXT_FOOTER) ? 2 : 1)];
        }
    }

    private static Run run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, java.util.Map.of(), command);
    }

    private static Run run(Path dir, java.util.Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("PM_CACHE_DIR", cache.toString());
        pb.environment().putAll(env);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", cache.toString()); // no user git config of the machine's
        pb.environment().remove("NO_COLOR");
        Path out = Files.createTempFile(cache, "out", ".txt");
        Path err = Files.createTempFile(cache, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", Arrays.toString(command)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Run pm(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        return run(dir, command.toArray(String[]::new));
    }

    @BeforeAll
    static void theArtifactIsBuilt() {
        assertThat(LAUNCHER).as("built by mvn package").isExecutable();
        assertThat(LAUNCHER.resolveSibling("pm.jar")).isRegularFile();
    }

    @Test
    void theQuickStartLintsTheBundledExamplesAndSaysWhatItFound() throws Exception {
        Run r = pm(Path.of("").toAbsolutePath(), "lint", EXAMPLES.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        // the example with problems is a draft, so the summary counts it apart (i17-lifecycle)
        assertThat(r.lastLine()).isEqualTo(pm.report.Report.TEXT_FOOTER);
        assertThat(r.summaryLine()).matches("\\d+ errors?, \\d+ warnings? in 1 of 2 files; \\d+ errors?, \\d+ warnings? in "
                + "1 draft");
        assertThat(r.out()).contains("2025-02-02-cache-stampede.md:").doesNotContain("payment-api-outage.md:");
        assertThat(r.err()).isEmpty();
        try (Stream<Path> archives = Files.list(cache)) {
            assertThat(archives.map(p -> p.getFileName().toString()))
                    .as("the launcher trained a class-data archive on its first run")
                    .anyMatch(n -> n.startsWith("pm-") && (n.endsWith(".jsa") || n.endsWith(".aot")));
        }
        Run again = pm(Path.of("").toAbsolutePath(), "lint", EXAMPLES.toString());
        assertThat(again).as("with the archive").isEqualTo(r);
    }

    @Test
    void aNewRepositoryGetsItsPostmortemCheckedOnEveryCommitAndFollowedUp(@TempDir Path repo) throws Exception {
        assertThat(run(repo, "git", "init", "-q", "-b", "main").code()).isZero();
        run(repo, "git", "config", "user.name", "Ada Lovelace");
        run(repo, "git", "config", "user.email", "ada@example.com");
        run(repo, "git", "config", "commit.gpgsign", "false");
        assertThat(pm(repo, "init").code()).isZero();
        Run made = pm(repo, "new", "Payment API outage", "--severity", "SEV2", "--date", "2025-03-14");
        assertThat(made.code()).as(made.toString()).isZero();
        assertThat(made.out().strip()).isEqualTo("postmortems/2025-03-14-payment-api-outage.md");
        assertThat(Files.readString(repo.resolve(made.out().strip()))).contains("title: Payment API outage")
                .contains("severity: SEV2").contains("## Action items");
        Run hook = pm(repo, "hook", "install");
        assertThat(hook.code()).as(hook.toString()).isZero();
        assertThat(repo.resolve(".git/hooks/pre-commit")).isExecutable();

        Path clean = repo.resolve("postmortems/2025-03-14-payment-api-outage.md");
        Files.copy(EXAMPLES.resolve("2025-03-14-payment-api-outage.md"), clean,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        run(repo, "git", "add", "-A");
        Run committed = run(repo, "git", "commit", "-q", "-m", "Payment API outage postmortem");
        assertThat(committed.code()).as("the hook lets a clean postmortem in: " + committed).isZero();

        Files.writeString(clean, Files.readString(clean) + "\nThe on-call engineer should have noticed the alert.\n");
        run(repo, "git", "add", "-A");
        Run refused = run(repo, "git", "commit", "-q", "-m", "blame");
        assertThat(refused.code()).as("the hook keeps blame out: " + refused).isNotZero();
        assertThat(refused.out() + refused.err()).contains("blame-language").contains("should have noticed");
        assertThat(run(repo, "git", "log", "--oneline").out().strip().lines()).hasSize(1);

        Run overdue = pm(repo, "overdue", "--as-of", "2025-06-01");
        assertThat(overdue.code()).as(overdue.toString()).isZero();
        assertThat(overdue.out()).startsWith("Follow-ups as of 2025-06-01 (UTC)").contains("Read 1 postmortem");
        Run atHead = pm(repo, "lint", "--rev", "HEAD");
        assertThat(atHead.code()).as("what was committed is clean: " + atHead).isZero();
    }

    /**
     * The lifecycle through the hook: a fresh scaffold commits as a draft (its warnings print), blame in a draft is
     * refused, a review request with a section still empty is refused with what to do, and the finished one goes in.
     */
    @Test
    void theHookLetsADraftInKeepsBlameOutAndIsStrictFromReview(@TempDir Path repo) throws Exception {
        assertThat(run(repo, "git", "init", "-q", "-b", "main").code()).isZero();
        run(repo, "git", "config", "user.name", "Ada Lovelace");
        run(repo, "git", "config", "user.email", "ada@example.com");
        run(repo, "git", "config", "commit.gpgsign", "false");
        assertThat(pm(repo, "init").code()).isZero();
        assertThat(pm(repo, "hook", "install").code()).isZero();
        Run made = pm(repo, "new", "Payment API outage", "--severity", "SEV2", "--date", "2025-03-14");
        Path file = repo.resolve(made.out().strip());
        run(repo, "git", "add", "-A");
        Run draft = run(repo, "git", "commit", "-q", "-m", "draft");
        assertThat(draft.code()).as("the scaffold commits as a draft: " + draft).isZero();
        assertThat(draft.out() + draft.err()).contains("warning missing-section")
                .contains("(draft; an error from in-review)").contains("in 1 draft");

        String scaffold = Files.readString(file);
        Files.writeString(file, scaffold + "\nThe on-call engineer should have noticed the alert.\n");
        run(repo, "git", "add", "-A");
        Run blame = run(repo, "git", "commit", "-q", "-m", "blame");
        assertThat(blame.code()).as("blame is refused in a draft too: " + blame).isNotZero();
        assertThat(blame.out() + blame.err()).contains("error blame-language")
                .contains("pm: commit refused (1 error): fix the lines above; git commit --no-verify skips every "
                        + "check, the blame check too");

        String finished = Files.readString(EXAMPLES.resolve("2025-03-14-payment-api-outage.md"))
                .replace("status: published", "status: in-review");
        String oneEmpty = finished.replaceAll("(?s)(## What went well\n).*?(\n## )",
                "$1\n<!-- What helped detection and recovery? -->\n$2");
        assertThat(oneEmpty).isNotEqualTo(finished);
        Files.writeString(file, oneEmpty);
        run(repo, "git", "add", "-A");
        Run review = run(repo, "git", "commit", "-q", "-m", "review");
        assertThat(review.code()).as("a review request with an empty section is refused: " + review).isNotZero();
        assertThat(review.out() + review.err()).contains("error missing-section section 'What went well'")
                .contains("or keep the postmortem a draft (status: draft) to commit it unfinished");

        Files.writeString(file, finished);
        run(repo, "git", "add", "-A");
        Run done = run(repo, "git", "commit", "-q", "-m", "review");
        assertThat(done.code()).as("the finished postmortem goes to review: " + done).isZero();
        assertThat(run(repo, "git", "log", "--oneline").out().strip().lines()).hasSize(2);
    }

    /** The same hook in a repository made with {@code git init --separate-git-dir}: its .git is a "gitdir:" file. */
    @Test
    void theHookKeepsBlameOutOfARepositoryWithASeparateGitDir(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("work"));
        assertThat(run(repo, "git", "init", "-q", "-b", "main", "--separate-git-dir", dir.resolve("r.git").toString())
                .code()).isZero();
        assertThat(repo.resolve(".git")).isRegularFile();
        run(repo, "git", "config", "user.name", "Ada Lovelace");
        run(repo, "git", "config", "user.email", "ada@example.com");
        run(repo, "git", "config", "commit.gpgsign", "false");
        Path file = Files.createDirectories(repo.resolve("postmortems")).resolve("2025-03-14-payment-api-outage.md");
        Files.copy(EXAMPLES.resolve("2025-03-14-payment-api-outage.md"), file);
        assertThat(pm(repo, "hook", "install").code()).isZero();
        run(repo, "git", "add", "-A");
        assertThat(run(repo, "git", "commit", "-q", "-m", "postmortem").code()).isZero();
        Files.writeString(file, Files.readString(file) + "\nThe on-call engineer should have noticed the alert.\n");
        run(repo, "git", "add", "-A");
        Run refused = run(repo, "git", "commit", "-q", "-m", "blame");
        assertThat(refused.code()).as("the hook keeps blame out: " + refused).isNotZero();
        assertThat(refused.out() + refused.err()).contains("should have noticed");
        Run overdue = pm(repo, "overdue", "--as-of", "2025-06-01", "--fail-on-overdue");
        assertThat(overdue.out()).as(overdue.toString()).contains("Read 1 postmortem");
    }

    /** Postmortems outside a sparse checkout's cone are still tracked: pm overdue reads them from the index. */
    @Test
    void overdueReadsPostmortemsOutsideASparseCheckout(@TempDir Path repo) throws Exception {
        assertThat(run(repo, "git", "init", "-q", "-b", "main").code()).isZero();
        run(repo, "git", "config", "user.name", "Ada Lovelace");
        run(repo, "git", "config", "user.email", "ada@example.com");
        run(repo, "git", "config", "commit.gpgsign", "false");
        Files.createDirectories(repo.resolve("postmortems"));
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/readme.txt"), "docs\n");
        Files.copy(EXAMPLES.resolve("2025-03-14-payment-api-outage.md"),
                repo.resolve("postmortems/2025-03-14-payment-api-outage.md"));
        run(repo, "git", "add", "-A");
        assertThat(run(repo, "git", "commit", "-q", "-m", "postmortem").code()).isZero();
        Run sparse = run(repo, "git", "sparse-checkout", "set", "docs");
        assertThat(sparse.code()).as(sparse.toString()).isZero();
        assertThat(repo.resolve("postmortems/2025-03-14-payment-api-outage.md")).doesNotExist();
        Run overdue = pm(repo, "overdue", "--as-of", "2030-01-01", "--fail-on-overdue");
        assertThat(overdue.out()).as(overdue.toString()).contains("Read 1 postmortem, skipped 0");
        assertThat(overdue.err()).doesNotContain("commit its deletion");
        assertThat(overdue.code()).as("its late items fail the gate").isEqualTo(1);
    }

    /**
     * The first run of a new jar trains the launcher's archive; inside a git hook that run inherits git's variables.
     * Training must not write the index they name (it once wrote a {@code .git/index} relative to '/').
     */
    @Test
    void trainingInsideAGitHookLeavesTheHooksRepositoryAlone(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("users-repo/.git/index");
        Run r = run(dir, java.util.Map.of("PM_CACHE_DIR", dir.resolve("fresh-cache").toString(), "GIT_INDEX_FILE",
                index.toString(), "GIT_DIR", dir.resolve("users-repo/.git").toString()), LAUNCHER.toString(),
                "--version");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(dir.resolve("users-repo")).as("nothing written where git's variables point").doesNotExist();
        try (Stream<Path> files = Files.list(dir.resolve("fresh-cache"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the archive was made")
                    .anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".aot"));
        }
    }

    @Test
    void everyCommandAnswersHelpAndVersion() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        assertThat(pm(here, "--version").out()).startsWith("pm ");
        for (String command : List.of("new", "init", "lint", "overdue", "hook", "lsp", "completion")) {
            Run help = pm(here, command, "--help");
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: pm " + command);
            assertThat(pm(here, command, "--version").out()).as(command).startsWith("pm ");
        }
        Run bad = pm(here, "lint", "--format", "xml");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("pm lint: ").doesNotContain("Exception");
    }
}
