package pm.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pm.people.People.Match;

/** One person, however they are written: a handle, a name or an e-mail address. */
class PeopleTest {
    private static final People TEAM = new People.Builder()
            .add("sam", List.of("Sam Okafor"), List.of("sam@example.com"))
            .add("@lee", List.of("Lee Chen", "Lee C."), List.of())
            .build();

    @Test
    void everyWayOfWritingAPersonIsTheirHandle() {
        assertThat(TEAM.canonical("Sam Okafor")).isEqualTo("@sam");
        assertThat(TEAM.canonical("  sam okafor ")).isEqualTo("@sam");
        assertThat(TEAM.canonical("SAM@example.com")).isEqualTo("@sam");
        assertThat(TEAM.canonical("sam")).isEqualTo("@sam");
        assertThat(TEAM.canonical("@Lee")).isEqualTo("@lee");
        assertThat(TEAM.canonical("Lee C.")).isEqualTo("@lee");
    }

    @Test
    void someoneTheMapDoesNotKnowStaysAsWritten() {
        assertThat(TEAM.canonical(" Ada Lovelace ")).isEqualTo("Ada Lovelace");
        assertThat(People.NONE.canonical("Sam Okafor")).isEqualTo("Sam Okafor");
        assertThat(TEAM.find("Okafor")).isEmpty(); // a part of a name is not one of Sam's names
    }

    @Test
    void anOwnerMatchesTheSamePersonThroughTheMap() {
        assertThat(TEAM.matches("sam", "Sam Okafor")).isEqualTo(Match.SAME);
        assertThat(TEAM.matches("@sam", "sam@example.com")).isEqualTo(Match.SAME);
        assertThat(TEAM.matches("Lee Chen", "@lee")).isEqualTo(Match.SAME);
        assertThat(TEAM.matches("sam", "@lee")).isEqualTo(Match.NONE);
    }

    @Test
    void withoutTheMapAFirstNameMatchesAFullNameAndSaysHow() {
        assertThat(People.NONE.matches("sam", "Sam Okafor")).isEqualTo(Match.FIRST_NAME);
        assertThat(People.NONE.matches("@sam", "@Sam")).isEqualTo(Match.SAME);
    }

    @Test
    void nearMissesAreNotMatches() {
        assertThat(People.NONE.matches("sam", "Samantha Jones")).isEqualTo(Match.NONE);
        assertThat(People.NONE.matches("sam", "Okafor Sam")).isEqualTo(Match.NONE); // the first word only
        assertThat(People.NONE.matches("sam okafor", "Sam Okafor-Reid")).isEqualTo(Match.NONE);
        assertThat(People.NONE.matches("sam", "@sam-ops")).isEqualTo(Match.NONE);
        // a person the map knows is matched through it, never by first name
        People team = new People.Builder().add("sokafor", List.of("Sam Okafor"), List.of()).build();
        assertThat(team.matches("sam", "Sam Okafor")).isEqualTo(Match.NONE);
        assertThat(team.matches("sokafor", "Sam Okafor")).isEqualTo(Match.SAME);
    }
}
