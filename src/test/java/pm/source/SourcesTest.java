package pm.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.io.InputException;
import pm.testing.TempGit;

class SourcesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<String> names(Listing listing) {
        return listing.entries().stream().map(e -> e instanceof Input in ? in.name()
                : "unreadable " + ((Listing.Unreadable) e).error().getMessage()).toList();
    }

    @Test
    void aFileIsNamedRelativeToTheWorkingDirectoryWhenBelowItElseAbsolutely() {
        Names names = new Names(dir.resolve("repo"));
        assertThat(names.of(dir.resolve("repo/postmortems/a.md"))).isEqualTo("postmortems/a.md");
        assertThat(names.of(dir.resolve("repo/sub/../b.md"))).isEqualTo("b.md");
        assertThat(names.of(dir.resolve("elsewhere/c.md"))).isEqualTo(dir.resolve("elsewhere/c.md").toString());
        assertThat(names.of(dir.resolve("repo"))).as("the directory itself").isEqualTo(dir.resolve("repo").toString());
    }

    @Test
    void pathsAreListedInTheOrderGivenWithWhatCannotBeOfferedWhereItStands() throws Exception {
        write("pms/b.md", "b");
        write("pms/a.markdown", "a");
        write("pms/notes.txt", "n");
        Path single = write("one.md", "1");
        Listing listing = Sources.paths(List.of(dir.resolve("pms"), dir.resolve("missing.md"), single), false,
                new Names(dir));
        assertThat(names(listing)).containsExactly("pms/a.markdown", "pms/b.md",
                "unreadable no such file or directory", "one.md");
        assertThat(listing.inputs().get(1).read().text()).isEqualTo("b");
        assertThat(listing.problems()).singleElement().extracting(InputException::file)
                .isEqualTo(dir.resolve("missing.md"));
    }

    @Test
    void theDefaultFolderThatIsMissingSaysHowToSetOneUp() {
        Listing listing = Sources.paths(List.of(dir.resolve("postmortems")), true, new Names(dir));
        assertThat(listing.problems()).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("no such directory: it is postmortems_dir").contains("pm init");
    }

    @Test
    void stagedContentIsReadAsStagedNotAsItIsOnDisk() throws Exception {
        try (Git git = TempGit.init(dir, "Ada")) {
            write("postmortems/a.md", "committed");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setSign(false).call();
            write("postmortems/a.md", "staged");
            write("postmortems/b.md", "new and staged");
            write("postmortems/c.md", "not staged");
            git.add().addFilepattern("postmortems/a.md").addFilepattern("postmortems/b.md").call();
            write("postmortems/a.md", "changed again on disk");
        }
        try (Listing listing = Sources.staged(dir, Map.of(), List.of(dir.resolve("postmortems")), new Names(dir))) {
            assertThat(names(listing)).containsExactly("postmortems/a.md", "postmortems/b.md");
            assertThat(listing.inputs().get(0).read().text()).isEqualTo("staged");
            assertThat(listing.inputs().get(0).path()).isEqualTo(dir.resolve("postmortems/a.md"));
        }
    }

    @Test
    void aRevisionIsReadFromGitsObjects() throws Exception {
        try (Git git = TempGit.init(dir, "Ada")) {
            write("postmortems/a.md", "first");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setSign(false).call();
            write("postmortems/a.md", "second");
            write("postmortems/b.md", "new");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("two").setSign(false).call();
        }
        try (Listing listing = Sources.revision(List.of(dir.resolve("postmortems")), "HEAD~1", true,
                new Names(dir))) {
            assertThat(names(listing)).containsExactly("postmortems/a.md");
            assertThat(listing.inputs().get(0).read().text()).isEqualTo("first");
        }
    }
}
