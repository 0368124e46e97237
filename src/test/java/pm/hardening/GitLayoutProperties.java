package pm.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jgit.api.Git;
import pm.testing.Cli;
import pm.testing.TempGit;

/**
 * The git layouts people really have, generated: a plain checkout, a separate git dir ({@code .git} is a
 * "gitdir:" file), a linked work tree, a sparse checkout (tracked files missing from the work tree), git's
 * variables set as a hook has them, and a run from a folder inside the work tree. Whatever the layout, {@code pm
 * overdue} reads the same follow-ups and {@code pm lint --staged} sees the same staged blame as in a plain checkout:
 * a gate must never pass because it read nothing.
 */
class GitLayoutProperties {
    enum Layout { PLAIN, SEPARATE_GIT_DIR, LINKED_WORKTREE, SPARSE, HOOK_VARIABLES, SUBFOLDER }

    @Provide
    Arbitrary<List<Integer>> postmortems() {
        return Arbitraries.integers().between(0, 2).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 24, edgeCases = EdgeCasesMode.NONE)
    void everyLayoutReadsWhatAPlainCheckoutReads(@ForAll Layout layout, @ForAll("postmortems") List<Integer> kinds)
            throws Exception {
        Path tmp = Files.createTempDirectory("pm-layout");
        try {
            Path repo = Files.createDirectories(tmp.resolve("repo"));
            List<String> late = new ArrayList<>();
            try (Git git = TempGit.init(repo, "x")) {
                for (int i = 0; i < kinds.size(); i++) {
                    String title = "Late item " + i;
                    Path f = Files.createDirectories(repo.resolve("postmortems")).resolve(i + ".md");
                    Files.writeString(f, Inputs.CLEAN.replace("Alert when the pg_wal volume passes 80%", title)
                            + (kinds.get(i) == 2 ? "\nSam forgot the flag.\n" : ""));
                    late.add(title);
                }
                git.add().addFilepattern(".").call();
                git.commit().setMessage("postmortems").setSign(false).call();
            }
            Cli cli = arrange(layout, tmp, repo);
            Cli.Result od = cli.run("overdue", "--as-of", "2025-06-01", "--fail-on-overdue");
            assertThat(od.code()).as(layout + "\n" + od).isEqualTo(1);
            for (String title : late) {
                assertThat(od.out()).as(layout + "\n" + od).contains(title);
            }
            assertThat(od.out()).contains("Read " + late.size() + " postmortem");
            if (layout != Layout.SPARSE) {
                Path work = layout == Layout.LINKED_WORKTREE ? tmp.resolve("wt") : repo;
                Path first = work.resolve("postmortems/0.md");
                Files.writeString(first, Files.readString(first) + "\nIt was Bob's fault.\n");
                stage(layout, tmp, work, "postmortems/0.md");
                Cli.Result staged = cli.run("lint", "--staged");
                assertThat(staged.code()).as(layout + "\n" + staged).isEqualTo(1);
                assertThat(staged.out()).as(layout + "\n" + staged).contains("0.md").contains("Bob's fault");
            }
        } finally {
            try (Stream<Path> all = Files.walk(tmp)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Turns the plain checkout into {@code layout}; the command line to run pm there. */
    private static Cli arrange(Layout layout, Path tmp, Path repo) throws Exception {
        switch (layout) {
            case SEPARATE_GIT_DIR -> {
                Path gitDir = tmp.resolve("r.git");
                Files.move(repo.resolve(".git"), gitDir);
                Files.writeString(repo.resolve(".git"), "gitdir: " + gitDir + "\n");
                return Cli.in(repo);
            }
            case LINKED_WORKTREE -> { // what `git worktree add` leaves behind
                Path meta = Files.createDirectories(repo.resolve(".git/worktrees/wt"));
                Path wt = Files.createDirectories(tmp.resolve("wt"));
                Files.writeString(wt.resolve(".git"), "gitdir: " + meta + "\n");
                Files.writeString(meta.resolve("gitdir"), wt.resolve(".git") + "\n");
                Files.writeString(meta.resolve("commondir"), "../..\n");
                try (Git git = Git.open(repo.toFile())) {
                    Files.writeString(meta.resolve("HEAD"), git.getRepository().resolve("HEAD").name() + "\n");
                    Files.copy(repo.resolve(".git/index"), meta.resolve("index"));
                }
                copyTree(repo.resolve("postmortems"), Files.createDirectories(wt.resolve("postmortems")));
                return Cli.in(wt);
            }
            case SPARSE -> { // outside the cone: tracked, absent from the work tree
                try (Stream<Path> files = Files.list(repo.resolve("postmortems"))) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(repo.resolve("postmortems"));
                return Cli.in(repo);
            }
            case HOOK_VARIABLES -> {
                return Cli.in(repo).env("GIT_DIR", repo.resolve(".git").toString())
                        .env("GIT_INDEX_FILE", repo.resolve(".git/index").toString());
            }
            case SUBFOLDER -> {
                return Cli.in(repo.resolve("postmortems"));
            }
            default -> {
                return Cli.in(repo);
            }
        }
    }

    /** Stages one file as git add would in that layout. */
    private static void stage(Layout layout, Path tmp, Path work, String path) throws Exception {
        Path gitDir = switch (layout) {
            case SEPARATE_GIT_DIR -> tmp.resolve("r.git");
            case LINKED_WORKTREE -> tmp.resolve("repo/.git/worktrees/wt");
            default -> work.resolve(".git");
        };
        org.eclipse.jgit.storage.file.FileRepositoryBuilder b = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(gitDir.toFile()).setWorkTree(work.toFile());
        try (Git git = new Git(b.build())) {
            git.add().addFilepattern(path).call();
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
