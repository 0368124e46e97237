package pm.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;

/**
 * A file pm replaces keeps its owner, group and mode: pm run as root on someone else's file (a CI container on a
 * bind mount) must not leave it root's, unreadable to its owner. Another user's file is made with chown, as root.
 */
class AtomicFilesOwnerTest {
    /** Not this process's user or group: as Docker maps a host user without a name. */
    private static final int OTHER = 1234;

    @TempDir
    Path dir;

    private static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int gid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Gives {@code file} to user and group {@value #OTHER}, as root can; a user who is not root cannot, and the
     * file stays theirs (then the assertions check that pm kept their own ownership).
     *
     * @return the uid the file has now
     */
    private static int giveAway(Path file) throws IOException {
        try {
            Files.setAttribute(file, "unix:uid", OTHER);
            Files.setAttribute(file, "unix:gid", OTHER);
        } catch (FileSystemException notRoot) {
            // only root may give a file away; CI runs as root
        }
        return uid(file);
    }

    @Test
    void replacingSomeoneElsesFileKeepsItsOwnerGroupAndMode() throws Exception {
        Path file = Files.writeString(dir.resolve("a.md"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        int owner = giveAway(file);
        int group = gid(file);

        AtomicFiles.replace(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(uid(file)).isEqualTo(owner);
        assertThat(gid(file)).isEqualTo(group);
        assertThat(mode(file)).isEqualTo("rw-r-----");
    }

    @Test
    void aReadOnlyModeIsKeptToo() throws Exception {
        Path file = Files.writeString(dir.resolve("a.md"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        int owner = giveAway(file);

        AtomicFiles.replace(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(uid(file)).isEqualTo(owner);
        assertThat(mode(file)).isEqualTo("r--r--r--");
    }

    @Test
    void lintFixAsRootLeavesTheFileToItsOwner() throws Exception {
        String behind = pm.lint.LintFixture.CLEAN.replace("    status: open\n", "    status: open\n"
                + "    id: pg-wal-alert\n  - title: Move WAL archiving retries behind a circuit breaker\n"
                + "    owner: \"@sam\"\n    due: 2025-04-11\n    priority: P2\n    id: wal-retries\n");
        Path file = Files.createDirectories(dir.resolve("postmortems")).resolve("a.md");
        Files.writeString(file, behind);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        int owner = giveAway(file);
        int group = gid(file);

        Cli.Result r = Cli.in(dir).run("lint", "--fix");

        assertThat(r.err()).as(r.toString()).isEqualTo("postmortems/a.md: rewrote the Action items table from the "
                + "front matter\n");
        assertThat(Files.readString(file)).contains("| Move WAL archiving retries behind a circuit breaker ");
        assertThat(uid(file)).isEqualTo(owner);
        assertThat(gid(file)).isEqualTo(group);
        assertThat(mode(file)).isEqualTo("rw-rw----");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.md");
        }
    }
}
