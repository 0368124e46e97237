package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;
import pm.testing.PostmortemText;
import pm.testing.TempGit;

/**
 * One person, one group: {@code people:} in .pm.yml makes "Sam Okafor", "@sam" and sam@example.com the same person
 * in {@code pm new}, {@code pm overdue} and its {@code --owner}. Today is {@link Cli#NOW}: 2025-03-20.
 */
class PeopleCommandsTest {
    private static final String PEOPLE = """
            people:
              sam:
                names: [Sam Okafor]
                emails: [sam.okafor@example.com]
              lee: Lee Chen
            """;

    @TempDir
    Path repo;

    Git git;

    @BeforeEach
    void gitRepo() throws Exception {
        git = TempGit.init(repo, "Sam Okafor");
    }

    @AfterEach
    void closeGit() {
        git.close();
    }

    private void write(String path, Object text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString());
    }

    /** Two postmortems: Sam owns one item as "@sam" and, in the other, one written by his full name. */
    private void twoPostmortems() throws Exception {
        write("postmortems/a.md", PostmortemText.of("Disk full", "2025-03-19").with("follow_up_reviewed", "2025-03-19")
                .item("Alert on disk at 85%", "@sam", "2025-03-01", "P1", "open"));
        write("postmortems/b.md", PostmortemText.of("DNS outage", "2025-03-19").with("follow_up_reviewed", "2025-03-19")
                .item("Lower the DNS TTL", "Sam Okafor", "2025-03-02", "P1", "open")
                .item("Add a resolver canary", "Lee Chen", "2025-03-03", "P2", "open"));
        git.add().addFilepattern(".").call();
        git.commit().setMessage("postmortems").call();
    }

    @Test
    void withTheMapOnePersonIsOneGroupAndOwnerFindsAllTheirItems() throws Exception {
        write(".pm.yml", PEOPLE);
        twoPostmortems();
        Cli.Result all = Cli.in(repo).run("overdue");
        assertThat(all.out()).contains("@sam — 2 overdue").contains("@lee — 1 overdue").doesNotContain("Sam Okafor");
        Cli.Result sam = Cli.in(repo).run("overdue", "--owner", "Sam Okafor", "--format", "csv");
        assertThat(sam.out()).contains("Alert on disk at 85%").contains("Lower the DNS TTL")
                .doesNotContain("resolver canary");
        assertThat(Cli.in(repo).run("overdue", "--owner", "sam.okafor@example.com").out()).contains("@sam — 2 overdue")
                .doesNotContain("by first name");
    }

    @Test
    void actionListTakesTheSameOwnerFilterThroughTheMap() throws Exception {
        write(".pm.yml", PEOPLE);
        twoPostmortems();
        Cli.Result r = Cli.in(repo).run("action", "list", "--owner", "sam.okafor@example.com");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Alert on disk at 85%").contains("Lower the DNS TTL")
                .doesNotContain("resolver canary");
        assertThat(Cli.in(repo).run("action", "list", "--priority", "P9").code()).isEqualTo(2);
    }

    @Test
    void withoutTheMapAFirstNameAlsoFindsTheFullNameAndTheFooterSaysSo() throws Exception {
        twoPostmortems();
        Cli.Result r = Cli.in(repo).run("overdue", "--owner", "sam");
        assertThat(r.out()).contains("Alert on disk at 85%").contains("Lower the DNS TTL")
                .contains("--owner sam also matched Sam Okafor by first name; to make it exact, map each person in "
                        + ".pm.yml (people: {sam: [Full Name]}).");
        assertThat(Cli.in(repo).run("overdue", "--owner", "lee", "--format", "markdown").out())
                .contains("Add a resolver canary").contains("--owner lee also matched Lee Chen by first name");
        assertThat(Cli.in(repo).run("overdue", "--owner", "@sam").out()).contains("Lower the DNS TTL");
        assertThat(Cli.in(repo).run("overdue", "--owner", "ann").out()).doesNotContain("by first name");
    }

    @Test
    void newWritesTheGitIdentityAsTheHandleTheMapGivesIt() throws Exception {
        write(".pm.yml", PEOPLE);
        Cli.Result r = Cli.in(repo).run("new", "Cache stampede");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readString(repo.resolve(r.out().strip()))).contains("authors: [\"@sam\"]");
        Cli.Result named = Cli.in(repo).run("new", "Queue backlog", "--author", "Lee Chen", "--author", "Ada");
        assertThat(Files.readString(repo.resolve(named.out().strip()))).contains("authors: [\"@lee\", Ada]");
    }

    @Test
    void newFindsThePersonByTheirEmailWhenTheNameIsNotInTheMap() throws Exception {
        write(".pm.yml", "people:\n  ada: {names: [Ada L.], emails: [test@example.com]}\n");
        Cli.Result r = Cli.in(repo).run("new", "Cache stampede");
        assertThat(Files.readString(repo.resolve(r.out().strip()))).contains("authors: [\"@ada\"]");
    }

    @Test
    void withoutTheMapNewWritesTheGitName() throws Exception {
        Cli.Result r = Cli.in(repo).run("new", "Cache stampede");
        assertThat(Files.readString(repo.resolve(r.out().strip()))).contains("authors: [Sam Okafor]");
    }

    @Test
    void aMistakeInThePeopleMapIsOneLineNamingItsLine() throws Exception {
        write(".pm.yml", "people:\n  sam:\n    name: Sam Okafor\n");
        Cli.Result r = Cli.in(repo).run("overdue");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("pm: .pm.yml:3: people.sam: unknown setting 'name'; known: emails, names");
    }
}
