package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The order of a postmortem's statuses, which every deadline that ends at a status compares by. */
class SchemaTest {
    @Test
    void aStatusHasReachedItselfAndEveryStepBeforeIt() {
        assertThat(Schema.reached("draft", "draft")).isTrue();
        assertThat(Schema.reached("in-review", "draft")).isTrue();
        assertThat(Schema.reached("reviewed", "in-review")).isTrue();
        assertThat(Schema.reached("reviewed", "reviewed")).isTrue();
        assertThat(Schema.reached("published", "reviewed")).isTrue();
        assertThat(Schema.reached("published", "published")).isTrue();
    }

    @Test
    void aStatusHasNotReachedTheStepsAfterIt() {
        assertThat(Schema.reached("draft", "in-review")).isFalse();
        assertThat(Schema.reached("in-review", "reviewed")).isFalse();
        assertThat(Schema.reached("reviewed", "published")).isFalse(); // a review is not a publication
    }

    @Test
    void aMissingOrUnknownStatusHasReachedNothing() {
        for (String step : Schema.STATUSES) {
            assertThat(Schema.reached(null, step)).as(step).isFalse();
            assertThat(Schema.reached("approved", step)).as(step).isFalse();
        }
    }

    @Test
    void askingForAStepThatDoesNotExistIsABugNotFalse() {
        assertThatThrownBy(() -> Schema.reached("published", "approved")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a status: approved");
    }
}
