package pm.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {
    @Test
    void lowerCaseAsciiWordsJoinedByDashes() {
        assertThat(Slug.of("Payment API outage")).isEqualTo("payment-api-outage");
        assertThat(Slug.of("  Café   crème: 50% down!! ")).isEqualTo("cafe-creme-50-down");
        assertThat(Slug.of("Straße")).isEqualTo("strasse");
    }

    @Test
    void neverASeparatorOrDotDot() {
        for (String t : new String[] {"../../etc/passwd", "..", "a\\b", "/", "x/../y", "...", "\u0000"}) {
            assertThat(Slug.of(t)).matches("[a-z0-9]+(-[a-z0-9]+)*");
        }
        assertThat(Slug.of("..")).isEqualTo("postmortem");
        assertThat(Slug.of("日本語")).isEqualTo("postmortem");
    }

    @Test
    void boundedLengthCutAtAWordBoundary() {
        String slug = Slug.of("The quick brown fox jumps over the lazy dog and then the database fell over twice");
        assertThat(slug.length()).isLessThanOrEqualTo(Slug.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-").isEqualTo("the-quick-brown-fox-jumps-over-the-lazy-dog-and-then-the");
        assertThat(Slug.of("x".repeat(500))).hasSize(Slug.MAX_LENGTH);
    }
}
