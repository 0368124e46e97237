package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import pm.parse.YamlSlips.Slip;

/** The YAML slips people make in front matter: each found on its line, with a fix that then reads. */
class YamlSlipsTest {

    private static List<Slip> slips(String yaml) {
        return YamlSlips.find(List.of(yaml.split("\n", -1)), 2);
    }

    private static String fixed(String yaml) {
        List<String> lines = List.of(yaml.split("\n", -1));
        return YamlSlips.fixed(lines, 2, YamlSlips.find(lines, 2));
    }

    @Nested
    class Flags {
        @Test
        void anUnquotedHandleAndSaysHowToQuoteIt() {
            List<Slip> s = slips("title: T\naction_items:\n  - title: Add an alert\n    owner: @lee");
            assertThat(s).singleElement().satisfies(x -> {
                assertThat(x.line()).isEqualTo(5);
                assertThat(x.column()).isEqualTo(12);
                assertThat(x.message()).endsWith("quote it: owner: \"@lee\"");
                assertThat(x.fixedLine()).isEqualTo("    owner: \"@lee\"");
            });
        }

        @Test
        void aHandleInAFlowListAndAsAListEntry() {
            assertThat(slips("authors: [@sam, \"Kim, R.\", @lee]")).singleElement()
                    .extracting(Slip::fixedLine).isEqualTo("authors: [\"@sam\", \"Kim, R.\", \"@lee\"]");
            assertThat(slips("authors:\n  - @sam")).singleElement()
                    .extracting(Slip::fixedLine).isEqualTo("  - \"@sam\"");
        }

        @Test
        void aTabInTheIndentationReplacedByTheStepTheOtherLinesUse() {
            String yaml = "action_items:\n    - title: A\n\t  owner: \"@lee\"";
            assertThat(slips(yaml)).singleElement().satisfies(x -> {
                assertThat(x.line()).isEqualTo(4);
                assertThat(x.message()).contains("a tab in the indentation");
                assertThat(x.fixedLine()).isEqualTo("      owner: \"@lee\"");
            });
        }

        @Test
        void aTabWhoseWidthTheOtherLinesDoNotGiveIsTheFirstWidthThatReads() {
            assertThat(slips("action_items:\n  - title: x\n\t owner: y")).singleElement()
                    .extracting(Slip::fixedLine).isEqualTo("    owner: y"); // a tab of 3, with the space after it
        }

        @Test
        void noSpaceAfterTheColonOfAKey() {
            assertThat(slips("title: T\ndate:2025-03-14")).singleElement().satisfies(x -> {
                assertThat(x.line()).isEqualTo(3);
                assertThat(x.column()).isEqualTo(6);
                assertThat(x.message()).isEqualTo("no space after 'date:': YAML needs one; write date: 2025-03-14");
            });
        }

        @Test
        void aDateWithoutItsZerosOnlyUnderADateKey() {
            assertThat(slips("  - title: A\n    due: 2025-4-9  # agreed")).singleElement().satisfies(x -> {
                assertThat(x.message()).isEqualTo("'2025-4-9' is not a date; write it as 2025-04-09");
                assertThat(x.fixedLine()).isEqualTo("    due: 2025-04-09  # agreed");
                assertThat(x.dateOnly()).isTrue();
            });
        }

        @Test
        void twoSlipsOnOneLineInOneMessage() {
            Slip x = slips("items:\n  - a: 1\n\t  owner: @lee").get(0);
            assertThat(x.message()).contains("a tab").contains("quote it");
            assertThat(x.dateOnly()).isFalse();
            assertThat(x.fixedLine()).isEqualTo("    owner: \"@lee\"");
        }
    }

    @Nested
    class Passes {
        @Test
        void handlesThatAreQuotedOrInsideAValue() {
            assertThat(slips("owner: \"@lee\"\nowner2: '@lee'\nemail: lee@example.com\nnote: ask @lee")).isEmpty();
        }

        @Test
        void anythingInABlockScalar() {
            assertThat(slips("summary: |\n  @lee paged\n\tthe on-call:at 10:30\n  due: 2025-4-9\ntitle: T")).isEmpty();
        }

        @Test
        void urlsTimesAndCommentsAreNotMissingSpaces() {
            assertThat(slips("link: https://x.example/a\nstarted: 2025-03-14T10:30:00Z\n# owner:@lee\nhttp://x")).isEmpty();
        }

        @Test
        void frontMatterTooLongToHaveBeenTypedIsNotSearched() {
            String deep = "  ".repeat(40_000) + "owner: @lee"; // one line past the limit, with a slip at its end
            assertThat(slips("title: T\n" + deep)).isEmpty();
            assertThat(slips("title: T\nowner: @lee")).hasSize(1);
        }

        @Test
        void aDateThatIsNotARealDayOrIsADateTime() {
            assertThat(slips("due: 2025-2-30\ndate: 2025-3-1T10:00\nversion: 2025-4-9")).isEmpty();
        }
    }

    @Nested
    class Fixing {
        @Test
        void givesYamlThatReadsAndKeepsTheNumberOfLines() {
            String yaml = "title: T\ndate:2025-03-14\nauthors: [@sam]\naction_items:\n\t- title: A\n\t  owner: @lee";
            String out = fixed(yaml);
            assertThat(out).isEqualTo("title: T\ndate: 2025-03-14\nauthors: [\"@sam\"]\naction_items:\n  - title: A\n"
                    + "    owner: \"@lee\"\n");
        }

        @Test
        void givesNothingWhenTheFixedTextStillDoesNotRead() {
            assertThat(fixed("title: T\nowner: @lee\nsummary: [unclosed")).isNull();
            assertThat(fixed("title: T")).isNull(); // nothing to fix
        }
    }
}
