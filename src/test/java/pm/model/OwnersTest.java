package pm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnersTest {
    @Test
    void placeholdersNameNobody() {
        for (String p : List.of("TBD", "tbd", " TBD ", "[TBD]", "<tbd>", "(TBD)", "\"tbd\"", "tbd.", "?", "??", "???",
                "none", "None", "n/a", "N/A", "the team", "The  Team", "everyone", "Everyone", "unassigned", "-", "",
                "   ")) {
            assertThat(Owners.isPlaceholder(p)).as(p).isTrue();
        }
        assertThat(Owners.isPlaceholder(null)).isTrue();
    }

    @Test
    void realOwnersAreOwners() {
        for (String p : List.of("@maria", "Maria Chen", "sre-team", "@payments/oncall", "Tbd Smith", "Ann?")) {
            assertThat(Owners.isPlaceholder(p)).as(p).isFalse();
        }
    }

    @Test
    void aTeamsOwnListReplacesTheDefault() {
        var custom = Owners.placeholders(List.of("Platform", "[someone]"));
        assertThat(custom.test("platform")).isTrue();
        assertThat(custom.test("Someone")).isTrue();
        assertThat(custom.test("???")).isTrue();
        assertThat(custom.test(null)).isTrue();
        assertThat(custom.test("TBD")).isFalse();
        assertThat(custom.test("@maria")).isFalse();
    }

    @Test
    void normaliseFoldsCaseSpacingAndWrapping() {
        assertThat(Owners.normalise("  [The   Team]. ")).isEqualTo("the team");
        assertThat(Owners.normalise("**TBD**")).isEqualTo("tbd");
    }
}
