package pm.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: a write that fails half-way (a full disk, a directory pm may not write to) leaves no
 * partial or temporary file, never changes an existing file, and says what to do in one line.
 * The failures are injected through {@link AtomicFiles#sink}, after half of the bytes were written.
 */
class AtomicFilesFailureTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        AtomicFiles.sink = java.io.OutputStream::write;
    }

    private static void failHalfWay(IOException e) {
        AtomicFiles.sink = (out, content) -> {
            out.write(content, 0, content.length / 2);
            throw e;
        };
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fullDiskWhileCreatingLeavesNoFileAndSaysToFreeSpace() throws IOException {
        failHalfWay(new FileSystemException("x", null, "No space left on device"));
        Path target = dir.resolve("2025-03-20-outage.md");
        assertThatThrownBy(() -> AtomicFiles.createNew(target, bytes("x".repeat(10_000))))
                .isInstanceOf(InputException.class)
                .hasMessage("the disk is full; free some space and run again (nothing was changed)");
        assertThat(names()).isEmpty();
    }

    @Test
    void fullDiskWhileReplacingLeavesTheOriginalByteForByteWithItsMode() throws IOException {
        Path target = dir.resolve("pm.md");
        byte[] original = bytes("\uFEFF---\r\ntitle: mine\r\n---\r\n");
        Files.write(target, original);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        failHalfWay(new IOException("No space left on device"));
        assertThatThrownBy(() -> AtomicFiles.replace(target, bytes("new text ".repeat(1000))))
                .hasMessage("the disk is full; free some space and run again (nothing was changed)");
        assertThat(Files.readAllBytes(target)).isEqualTo(original);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        assertThat(names()).containsExactly("pm.md");
    }

    @Test
    void permissionDeniedNamesTheDirectoryAndWhatToCheck() throws IOException {
        failHalfWay(new AccessDeniedException("x"));
        Path target = dir.resolve("a.md");
        assertThatThrownBy(() -> AtomicFiles.createNew(target, bytes("text")))
                .hasMessage("cannot write to " + dir + " (permission denied); check the directory's permissions "
                        + "(nothing was changed)");
        assertThat(names()).isEmpty();
    }

    @Test
    void aFailureThatIsNotAnIOExceptionStillLeavesNothingBehind() throws IOException {
        AtomicFiles.sink = (out, content) -> {
            out.write(content, 0, 3);
            throw new IllegalStateException("boom");
        };
        Files.writeString(dir.resolve("keep.md"), "mine");
        assertThatThrownBy(() -> AtomicFiles.replace(dir.resolve("keep.md"), bytes("theirs")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(dir.resolve("keep.md"))).isEqualTo("mine");
        assertThat(names()).containsExactly("keep.md");
    }

    @Test
    void aDirectoryPmCannotWriteToGivesAClearErrorAndNoFile() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean permissionsBind = !Files.isWritable(ro); // root writes anyway: then the parent-is-a-file case covers it
        try {
            Path target = permissionsBind ? ro.resolve("a.md") : Files.writeString(dir.resolve("file"), "x").resolve("a.md");
            assertThatThrownBy(() -> AtomicFiles.createNew(target, bytes("text")))
                    .isInstanceOf(InputException.class)
                    .hasMessageEndingWith("(nothing was changed)")
                    .hasMessageContaining(permissionsBind ? "check the directory's permissions" : "is not a directory");
            try (Stream<Path> files = Files.list(ro)) {
                assertThat(files).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aParentThatIsAFileIsNamedAsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> AtomicFiles.createNew(file.resolve("a.md"), bytes("text")))
                .hasMessage("cannot be written: " + file + " is not a directory (nothing was changed)");
        assertThatThrownBy(() -> AtomicFiles.replace(file.resolve("a.md"), bytes("text")))
                .hasMessage("cannot be written: " + file + " is not a directory (nothing was changed)");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void createNewNeverFollowsADanglingSymlinkAtTheTargetName(@TempDir Path outside) throws IOException {
        Path victim = outside.resolve("victim.md");
        Path link = Files.createSymbolicLink(dir.resolve("a.md"), victim);
        assertThatThrownBy(() -> AtomicFiles.createNew(link, bytes("text")))
                .hasMessageStartingWith("already exists");
        assertThat(victim).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void lintFixThatFailsHalfWayLeavesTheFileByteForByteWithItsModeAndNoTemporaryFile() throws Exception {
        // the clean postmortem with a second front-matter item that its Action items table lacks
        String behind = pm.lint.LintFixture.CLEAN.replace("    status: open\n", "    status: open\n"
                + "    id: pg-wal-alert\n  - title: Move WAL archiving retries behind a circuit breaker\n"
                + "    owner: \"@sam\"\n    due: 2025-04-11\n    priority: P2\n    id: wal-retries\n");
        String text = "\uFEFF" + behind.replace("\n", "\r\n");
        Path file = Files.createDirectories(dir.resolve("postmortems")).resolve("a.md");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        byte[] before = Files.readAllBytes(file);

        failHalfWay(new IOException("No space left on device"));
        pm.testing.Cli.Result r = pm.testing.Cli.in(dir).run("lint", "--fix");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("postmortems/a.md: could not write the fix: the disk is full; free some space and "
                + "run again (nothing was changed)").doesNotContain("Exception");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.md");
        }

        restore();
        pm.testing.Cli.Result ok = pm.testing.Cli.in(dir).run("lint", "--fix");
        assertThat(ok.err()).contains("rewrote the Action items table");
        byte[] after = Files.readAllBytes(file);
        assertThat(new String(after, StandardCharsets.UTF_8)).startsWith("\uFEFF---\r\n").doesNotContain("\r\r")
                .doesNotContainPattern("[^\r]\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
    }

    /** The clean postmortem with a second front-matter item its table lacks: --fix rewrites it. */
    private static String behind(String title) {
        return pm.lint.LintFixture.CLEAN.replace("Payment API outage", title).replace("    status: open\n",
                "    status: open\n    id: pg-wal-alert\n  - title: Move WAL archiving retries behind a circuit breaker\n"
                        + "    owner: \"@sam\"\n    due: 2025-04-11\n    priority: P2\n    id: wal-retries\n");
    }

    @Test
    void aFixThatCannotBeWrittenIsSaidAsSuchWithTheFilesFindingsAndTheOtherFilesAreStillFixed() throws IOException {
        Path pms = Files.createDirectories(dir.resolve("postmortems"));
        Path a = Files.writeString(pms.resolve("a.md"), behind("Card outage"));
        Path b = Files.writeString(pms.resolve("b.md"), behind("Queue outage"));
        byte[] before = Files.readAllBytes(a);
        AtomicFiles.sink = (out, content) -> { // the folder of a.md refuses writes
            if (new String(content, StandardCharsets.UTF_8).contains("Card outage")) {
                throw new AccessDeniedException(a.toString());
            }
            out.write(content);
        };

        pm.testing.Cli.Result r = pm.testing.Cli.in(dir).run("lint", "--fix");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pm: postmortems/a.md: could not write the fix: cannot write to " + pms
                + " (permission denied); check the directory's permissions (nothing was changed)\n"
                + "postmortems/b.md: rewrote the Action items table from the front matter\n");
        // a.md's findings, as it still is: its table lacks the second item
        assertThat(r.out()).isEqualTo("postmortems/a.md:16:5: warning action-items-out-of-sync action item 'Move WAL "
                + "archiving retries behind a circuit breaker' is in the front matter but not in the body: run 'pm "
                + "lint --fix' to add it to the Action items table\n"
                + "1 warning in 1 of 2 files; 1 fix could not be written\n" + pm.report.Report.TEXT_FOOTER + "\n");
        assertThat(Files.readAllBytes(a)).isEqualTo(before);
        assertThat(Files.readString(b)).contains("| Move WAL archiving retries behind a circuit breaker ");
        assertThat(names()).containsExactly("postmortems");
        try (Stream<Path> files = Files.list(pms)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("a.md", "b.md");
        }
    }

    @Test
    void aFixThatCannotBeWrittenIsCountedInEveryFormatsSummaryAndExitStatus() throws IOException {
        Path pms = Files.createDirectories(dir.resolve("postmortems"));
        Files.writeString(pms.resolve("a.md"), behind("Card outage"));
        failHalfWay(new FileSystemException("x", null, "No space left on device"));

        pm.testing.Cli.Result github = pm.testing.Cli.in(dir).run("lint", "--fix", "--format", "github");
        assertThat(github.code()).as(github.toString()).isEqualTo(2);
        assertThat(github.out()).endsWith("pm lint: 1 warning in 1 of 1 file; 1 fix could not be written\n");
        pm.testing.Cli.Result json = pm.testing.Cli.in(dir).run("lint", "--fix", "--format", "json");
        assertThat(json.code()).isEqualTo(2);
        assertThat(json.out()).contains("\"action-items-out-of-sync\"");
        assertThat(json.err()).isEqualTo("pm: postmortems/a.md: could not write the fix: the disk is full; free some "
                + "space and run again (nothing was changed)\n");
    }
}
