package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;
import pm.testing.TempGit;

class HookCommandTest {
    @TempDir
    Path repo;

    private Git git;

    @BeforeEach
    void init() throws Exception {
        git = TempGit.init(repo, "Ada");
    }

    @Test
    void writesAnExecutablePreCommitHookThatRunsTheLauncherOnStagedFiles() throws Exception {
        Cli.Result r = Cli.in(repo).env("PM_LAUNCHER", "/opt/pm's tools/pm").run("hook", "install");
        assertThat(r.code()).as(r.toString()).isZero();
        Path hook = repo.resolve(".git/hooks/pre-commit");
        assertThat(r.out()).startsWith("Installed .git/hooks/pre-commit: each commit now runs 'pm lint --staged'");
        assertThat(Files.isExecutable(hook)).isTrue();
        assertThat(Files.readString(hook)).startsWith("#!/bin/sh\n").contains(HookCommand.MARKER)
                .contains("pm='/opt/pm'\\''s tools/pm'\n[ -x \"$pm\" ] || pm=pm\n")
                .endsWith("exec \"$pm\" lint --staged\n");
        Cli.Result again = Cli.in(repo).env("PM_LAUNCHER", "/opt/pm's tools/pm").run("hook", "install");
        assertThat(again.out()).contains("already installed");
    }

    @Test
    void withoutALauncherTheHookCallsPmFromThePath() {
        assertThat(HookCommand.script(null)).contains("pm=pm\nexec \"$pm\" lint --staged\n");
    }

    @Test
    void replacesItsOwnHookButRefusesSomeoneElsesUnlessForced() throws Exception {
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\nrun-my-checks\n");
        Cli.Result refused = Cli.in(repo).run("hook", "install");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("pm: .git/hooks/pre-commit: a pre-commit hook pm did not write is "
                + "already there").contains("--force");
        assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\nrun-my-checks\n");

        Cli.Result forced = Cli.in(repo).run("hook", "install", "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(Files.readString(hook)).contains(HookCommand.MARKER);
        assertThat(Files.readString(repo.resolve(".git/hooks/pre-commit.pm-backup")))
                .isEqualTo("#!/bin/sh\nrun-my-checks\n");

        Files.writeString(hook, Files.readString(hook).replace("lint --staged", "lint --staged --format text"));
        assertThat(Cli.in(repo).run("hook", "install").code()).isZero(); // its own: replaced without --force
        assertThat(Files.readString(hook)).endsWith("exec \"$pm\" lint --staged\n");
    }

    @Test
    void respectsCoreHooksPath() throws Exception {
        StoredConfig config = git.getRepository().getConfig();
        config.setString("core", null, "hooksPath", ".githooks");
        config.save();
        Cli.Result r = Cli.in(repo.resolve(".git").getParent()).run("hook", "install");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(repo.resolve(".githooks/pre-commit")).exists();
        assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();
    }

    @Test
    void outsideARepositoryItSaysWhatToDo(@TempDir Path plain) {
        Cli.Result r = Cli.in(plain).run("hook", "install");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: not in a git repository: run pm hook install inside the repository");
    }

    @Test
    void aSecondForcedInstallKeepsBothEarlierHooksUnderNumberedNamesWithTheirModes() throws Exception {
        Path hooks = repo.resolve(".git/hooks");
        Path hook = Files.createDirectories(hooks).resolve("pre-commit");
        Files.writeString(hook, "#!/bin/sh\nrun-my-checks\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-x---"));

        Cli.Result first = Cli.in(repo).run("hook", "install", "--force");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).startsWith("Kept the old hook as .git/hooks/pre-commit.pm-backup\n");

        // another tool (or a colleague) puts its own hook back; pm is asked to take over again
        Files.writeString(hook, "#!/bin/sh\nrun-their-checks\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
        Cli.Result refused = Cli.in(repo).run("hook", "install");
        assertThat(refused.err()).endsWith("(the old one is kept as pre-commit.pm-backup.1)\n");
        Cli.Result second = Cli.in(repo).run("hook", "install", "--force");
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).startsWith("Kept the old hook as .git/hooks/pre-commit.pm-backup.1\n");

        assertThat(Files.readString(hooks.resolve("pre-commit.pm-backup"))).isEqualTo("#!/bin/sh\nrun-my-checks\n");
        assertThat(Files.readString(hooks.resolve("pre-commit.pm-backup.1"))).isEqualTo("#!/bin/sh\nrun-their-checks\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hooks.resolve("pre-commit.pm-backup"))))
                .isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hooks.resolve("pre-commit.pm-backup.1"))))
                .isEqualTo("rwx------");
        assertThat(Files.readString(hook)).contains(HookCommand.MARKER);
        try (Stream<Path> files = Files.list(hooks)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pre-commit")))
                    .containsExactlyInAnyOrder("pre-commit", "pre-commit.pm-backup", "pre-commit.pm-backup.1");
        }
    }
}
