package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.Problem;
import pm.model.SourceText;
import pm.model.Span;
import pm.model.Waiver;
import pm.yaml.YamlNode;

class FrontMatterParserTest {
    private static FrontMatter parse(String text) {
        return new FrontMatterParser(Schema.DEFAULT).parse(SourceText.of(text)).frontMatter();
    }

    private static String fm(String yaml) {
        return "---\n" + yaml + "---\n# Body\n";
    }

    @Test
    void readsEverySchemaField() {
        FrontMatter f = parse(fm("""
                title: Payment API outage
                date: 2025-03-14
                severity: SEV2
                status: in-review
                authors: [Ada, "@grace"]
                services:
                  - payments
                  - checkout
                incident:
                  started: 2025-03-14T09:12:00Z
                  detected: 2025-03-14 10:20:00+01:00
                  resolved: 2025-03-14T11:00:00
                action_items:
                  - title: Lower the disk alert threshold to 85%
                    owner: "@maria"
                    due: 2025-04-01
                    priority: p1
                    status: Closed
                    link: https://tracker/ISSUE-1
                follow_up_reviewed: 2025-04-15
                """));
        assertThat(f.problems()).isEmpty();
        assertThat(f.present()).isTrue();
        assertThat(f.readable()).isTrue();
        assertThat(f.title()).isEqualTo("Payment API outage");
        assertThat(f.date()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(f.severity()).isEqualTo("SEV2");
        assertThat(f.status()).isEqualTo("in-review");
        assertThat(f.authors()).containsExactly("Ada", "@grace");
        assertThat(f.services()).containsExactly("payments", "checkout");
        assertThat(f.started()).isEqualTo(Instant.parse("2025-03-14T09:12:00Z"));
        assertThat(f.detected()).isEqualTo(Instant.parse("2025-03-14T09:20:00Z"));
        assertThat(f.resolved()).isEqualTo(Instant.parse("2025-03-14T11:00:00Z"));
        assertThat(f.followUpReviewed()).isEqualTo(LocalDate.of(2025, 4, 15));
        assertThat(f.actionItems()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Lower the disk alert threshold to 85%");
            assertThat(a.owner()).isEqualTo("@maria");
            assertThat(a.due()).isEqualTo(LocalDate.of(2025, 4, 1));
            assertThat(a.priority()).isEqualTo("P1");
            assertThat(a.status()).isEqualTo("done");
            assertThat(a.link()).isEqualTo("https://tracker/ISSUE-1");
            assertThat(a.origin()).isEqualTo(ActionItem.Origin.FRONT_MATTER);
            assertThat(a.span().line()).isEqualTo(15);
        });
        assertThat(f.span().line()).isEqualTo(1);
        assertThat(f.span().endLine()).isEqualTo(22);
    }

    @Test
    void positionsCountTheFrontMatterLinesOfTheFile() {
        FrontMatter f = parse(fm("title: x\n\nseverity: SEV9\n"));
        assertThat(f.lineOf("title")).isEqualTo(2);
        assertThat(f.lineOf("severity")).isEqualTo(4);
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.span().column()).isEqualTo(11);
            assertThat(p.message()).isEqualTo("severity 'SEV9' is not one of SEV1, SEV2, SEV3, SEV4");
        });
    }

    @Test
    void unknownKeysAreKeptAndIgnored() {
        FrontMatter f = parse(fm("title: x\nteam: payments\ncustom:\n  nested: [1, 2]\n"));
        assertThat(f.problems()).isEmpty();
        assertThat(f.raw().get("team")).isInstanceOfSatisfying(YamlNode.Scalar.class,
                s -> assertThat(s.text()).isEqualTo("payments"));
        assertThat(f.raw().get("custom")).isInstanceOf(YamlNode.Mapping.class);
        assertThat(f.raw().entry("custom").keyLine()).isEqualTo(4);
    }

    @Test
    void wrongTypesAreProblemsNotExceptions() {
        FrontMatter f = parse(fm("""
                title: [a, b]
                date: 20250314
                severity: 3
                status: true
                authors: {name: x}
                incident: yesterday
                action_items: "x"
                """));
        assertThat(f.problems()).extracting(Problem::message).containsExactly(
                "title must be text, not a list",
                "date: '20250314' is not a date; write it as YYYY-MM-DD",
                "severity must be one of SEV1, SEV2, SEV3, SEV4, not the number 3",
                "status must be one of draft, in-review, reviewed, published, not true; set status: <the step it "
                        + "has reached> (line 5)",
                "authors must be a list of names, not a mapping",
                "incident must be fields (started, detected, resolved), not 'yesterday'",
                "action_items must be a list of items (- title: …, owner: …, due: …, priority: …), not 'x'");
        assertThat(f.problems()).extracting(Problem::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(f.title()).isNull();
        assertThat(f.severity()).isNull();
        assertThat(f.actionItems()).isEmpty();
    }

    @Test
    void reviewedIsAStatusBetweenInReviewAndPublishedInAnyCase() {
        for (String written : java.util.List.of("reviewed", "Reviewed", " REVIEWED ")) {
            FrontMatter f = parse(fm("status: \"" + written + "\"\n"));
            assertThat(f.problems()).as(written).isEmpty();
            assertThat(f.status()).as(written).isEqualTo("reviewed");
        }
        assertThat(Schema.STATUSES).containsExactly("draft", "in-review", "reviewed", "published");
        for (String old : Schema.STATUSES) {
            assertThat(parse(fm("status: " + old + "\n")).status()).isEqualTo(old);
        }
    }

    @Test
    void anUnknownStatusSaysWhichValuesThereAreAndWhichLineToSet() {
        FrontMatter f = parse(fm("title: x\nstatus: approved\n"));
        assertThat(f.status()).isNull();
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("status 'approved' is not one of draft, in-review, reviewed, published; "
                    + "set status: <the step it has reached> (line 3)");
            assertThat(p.line()).isEqualTo(3);
        });
        // near misses of reviewed are not read as it: a typo is named, not guessed
        assertThat(parse(fm("status: review\n")).status()).isNull();
        assertThat(parse(fm("status: re-viewed\n")).status()).isNull();
    }

    @Test
    void aJekyllDateTimeIsTheIncidentDay() {
        FrontMatter f = parse(fm("date: 2016-11-18 15:05:00 -0800\n"));
        assertThat(f.problems()).isEmpty();
        assertThat(f.date()).isEqualTo(java.time.LocalDate.of(2016, 11, 18));
        assertThat(parse(fm("date: 2016-11-18T23:59:59Z\n")).date()).isEqualTo(java.time.LocalDate.of(2016, 11, 18));
    }

    @Test
    void impossibleAndFreeTextDatesAreProblems() {
        FrontMatter f = parse(fm("date: 2024-02-30\nfollow_up_reviewed: next week\n"));
        assertThat(f.problems()).extracting(Problem::message).containsExactly(
                "date: '2024-02-30' is not a real calendar date",
                "follow_up_reviewed: 'next week' is not a date; write it as YYYY-MM-DD");
        assertThat(parse(fm("date: 2024-02-29\n")).problems()).isEmpty();
    }

    @Test
    void resolvedBeforeStartedIsAProblem() {
        FrontMatter f = parse(fm("incident:\n  started: 2025-01-02T10:00:00Z\n  resolved: 2025-01-02T09:00:00Z\n"));
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("incident.resolved").contains("before incident.started");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void badTimestampIsAProblem() {
        FrontMatter f = parse(fm("incident:\n  started: 9am\n"));
        assertThat(f.problems()).singleElement().extracting(Problem::message)
                .isEqualTo("incident.started: '9am' is not a timestamp; write it as YYYY-MM-DDTHH:MM:SSZ (ISO-8601, UTC)");
    }

    @Test
    void aWontDoItemKeepsItsReason() {
        FrontMatter f = parse(fm("""
                action_items:
                  - title: Shard the sessions table
                    status: wont-do
                    reason: Superseded by moving sessions to Redis (INC-1207)
                  - title: Rewrite the cache client
                    status: cancelled
                    reason: >
                      The vendor client 4.2 ships the fix;
                      we upgrade instead.
                  - title: Add a disk alert
                    status: wont-do
                """));
        assertThat(f.problems()).isEmpty();
        assertThat(f.actionItems()).extracting(ActionItem::status, ActionItem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("wont-do", "Superseded by moving sessions to Redis (INC-1207)"),
                org.assertj.core.groups.Tuple.tuple("wont-do", "The vendor client 4.2 ships the fix; we upgrade instead."),
                org.assertj.core.groups.Tuple.tuple("wont-do", null));
        assertThat(f.actionItems().get(0).spanOf(ActionItem.Field.REASON).line()).isEqualTo(5);
    }

    @Test
    void aReasonOnAnItemThatIsNotWontDoIsKeptWithoutAProblem() {
        FrontMatter f = parse(fm("""
                action_items:
                  - title: Add a disk alert
                    status: done
                    reason: Shipped with the 85% threshold instead of 80%
                  - title: Page on WAL lag
                    reason: Postponed until the new pager
                """));
        assertThat(f.problems()).isEmpty();
        assertThat(f.actionItems()).extracting(ActionItem::reason).containsExactly(
                "Shipped with the 85% threshold instead of 80%", "Postponed until the new pager");
    }

    @Test
    void aReasonThatIsNotTextIsAProblemAtItsLine() {
        FrontMatter f = parse(fm("""
                action_items:
                  - title: Shard the sessions table
                    status: wont-do
                    reason: [too costly, superseded]
                """));
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("reason must be text, not a list");
            assertThat(p.line()).isEqualTo(5);
        });
        assertThat(f.actionItems()).singleElement().extracting(ActionItem::reason).isNull();
        // an empty reason is no reason, and no problem
        FrontMatter empty = parse(fm("action_items:\n  - title: t\n    status: wont-do\n    reason:\n"));
        assertThat(empty.problems()).isEmpty();
        assertThat(empty.actionItems()).singleElement().extracting(ActionItem::reason).isNull();
    }

    @Test
    void actionItemProblemsKeepTheItemAndSayWhy() {
        FrontMatter f = parse(fm("""
                action_items:
                  - title: Add a disk alert
                    due: soon
                    priority: urgent
                    status: someday
                  - owner: bob
                  - Rotate the deploy key
                """));
        assertThat(f.problems()).extracting(Problem::message).containsExactly(
                "action item due: 'soon' is not a date; write it as YYYY-MM-DD",
                "priority 'urgent' is not one of P0, P1, P2, P3",
                "action item status 'someday' is not one of open, in-progress, done, wont-do",
                "action item has no title: add 'title: <what will change>'");
        assertThat(f.actionItems()).hasSize(3);
        ActionItem first = f.actionItems().get(0);
        assertThat(first.dueText()).isEqualTo("soon");
        assertThat(first.due()).isNull();
        assertThat(first.dueProblem()).contains("not a date");
        assertThat(f.actionItems().get(2).title()).isEqualTo("Rotate the deploy key");
        assertThat(f.actionItems().get(2).hasOwner()).isFalse();
    }

    @Test
    void aWaiverIsReadWithItsReasonWhoAndWhen() {
        FrontMatter f = parse(fm("""
                action_items:
                  - title: Move WAL retries behind a circuit breaker
                    due: 2025-05-30
                    priority: P1
                    waiver:
                      reason: Needs the payments client 4.2 release
                      by: "@lee"
                      date: 2025-03-20
                  - title: Add a disk alert
                    waiver: {reason: Hardware arrives in May, by: Sam Okafor, date: 2025-03-21}
                  - title: No waiver here
                """));
        assertThat(f.problems()).isEmpty();
        assertThat(f.actionItems().get(0).waiver()).isEqualTo(new Waiver("Needs the payments client 4.2 release",
                "@lee", LocalDate.of(2025, 3, 20), Span.at(6, 5)));
        assertThat(f.actionItems().get(1).waiver()).isEqualTo(new Waiver("Hardware arrives in May", "Sam Okafor",
                LocalDate.of(2025, 3, 21), Span.at(11, 5)));
        assertThat(f.actionItems().get(2).waiver()).isNull();
    }

    @Test
    void aWaiverWrittenWrongIsAProblemAtItsLineSayingWhatToWriteAndWaivesNothing() {
        FrontMatter f = parse(fm("""
                action_items:
                  - title: A
                    waiver: the lead said so
                  - title: B
                    waiver:
                      reason: Hardware arrives in May
                  - title: C
                    waiver:
                      reason: Hardware arrives in May
                      by: "@lee"
                      date: next week
                  - title: D
                    waiver:
                  - title: E
                    waiver: {reason: [a, b], by: "@lee", date: 2025-02-30}
                """));
        String shape = "write 'waiver: {reason: <why it can wait>, by: <who agreed>, date: YYYY-MM-DD}'";
        assertThat(f.problems()).extracting(p -> p.line() + " " + p.message()).containsExactly(
                "4 waiver must be fields, not 'the lead said so': " + shape,
                "6 waiver is missing 'by' and 'date': " + shape,
                "12 waiver date: 'next week' is not a date; write it as YYYY-MM-DD",
                "14 waiver must be fields, not empty: " + shape,
                "16 waiver reason must be text, not a list",
                "16 waiver date: '2025-02-30' is not a real calendar date");
        assertThat(f.problems()).extracting(Problem::subject).containsOnly(Problem.Subject.FRONT_MATTER);
        assertThat(f.actionItems()).hasSize(5).allSatisfy(a -> assertThat(a.waiver()).isNull());
    }

    @Test
    void statusSynonymsAreAccepted() {
        for (String s : new String[] {"closed", "Complete", "completed", "fixed", "resolved", "\"won't do\"",
                "cancelled", "not-doing", "\"✅\"", "In Progress", "todo"}) {
            FrontMatter f = parse(fm("action_items:\n  - title: t\n    status: " + s + "\n"));
            assertThat(f.problems()).as(s).isEmpty();
        }
    }

    @Test
    void noFrontMatter() {
        FrontMatter f = parse("# Just a heading\n");
        assertThat(f.present()).isFalse();
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).startsWith("no front matter");
        });
    }

    @Test
    void unterminatedFrontMatter() {
        FrontMatter f = parse("---\ntitle: x\n# Body\n");
        assertThat(f.readable()).isFalse();
        assertThat(f.problems()).singleElement().extracting(Problem::message)
                .isEqualTo("front matter is never closed: add a '---' line after the last YAML field");
    }

    @Test
    void yamlSyntaxErrorHasItsLine() {
        FrontMatter f = parse(fm("title: x\nseverity: [SEV1\ndate: 2025-01-01\n"));
        assertThat(f.readable()).isFalse();
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("front matter YAML:");
            assertThat(p.line()).isBetween(3, 5);
        });
    }

    @Test
    void tabsInYamlAreASyntaxError() {
        FrontMatter f = parse(fm("incident:\n\tstarted: 2025-01-01T00:00:00Z\n"));
        assertThat(f.readable()).isFalse();
        assertThat(f.problems().get(0).line()).isEqualTo(3);
        assertThat(f.problems().get(0).message()).isEqualTo("front matter YAML: a tab in the indentation: YAML indents "
                + "with spaces only; replace it with spaces ('pm lint --fix' does it)");
    }

    @Test
    void duplicateKeysAreAnError() {
        FrontMatter f = parse(fm("title: a\ndate: 2025-01-01\ntitle: b\n"));
        assertThat(f.readable()).isFalse();
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("front matter YAML: duplicate key 'title' (first at line 2)");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void frontMatterThatIsNotAMapping() {
        FrontMatter f = parse(fm("- a\n- b\n"));
        assertThat(f.problems()).singleElement().extracting(Problem::message)
                .isEqualTo("front matter must be YAML fields (title: …, date: …), not a list");
    }

    @Test
    void aliasBombStaysSmall() {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        // an alias shares its anchor's value; past 10,000 values in all, the document is refused
        FrontMatter f = parse(fm(y.toString()));
        assertThat(f.readable()).isFalse();
        assertThat(f.problems().get(0).message()).contains("aliases (*name) repeat more than 10000 values");
    }

    @Test
    void aFewAliasesAreReadAsTheValuesTheyName() {
        FrontMatter f = parse(fm("a: &a [x, y]\nb: *a\nc: &c 3\nd: *c\n"));
        assertThat(f.readable()).isTrue();
        assertThat(f.raw().get("b")).isInstanceOfSatisfying(YamlNode.Sequence.class,
                s -> assertThat(s.items()).hasSize(2));
        assertThat(f.raw().get("d")).isInstanceOfSatisfying(YamlNode.Scalar.class,
                s -> assertThat(s.text()).isEqualTo("3"));
    }

    @Test
    void deepNestingIsRefused() {
        FrontMatter f = parse(fm("x: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n"));
        assertThat(f.readable()).isFalse();
        assertThat(f.problems().get(0).message()).containsIgnoringCase("nest");
    }

    @Test
    void emptyFrontMatterHasNoProblemsButNoFields() {
        FrontMatter f = parse("---\n---\n# Body\n");
        assertThat(f.problems()).isEmpty();
        assertThat(f.title()).isNull();
        assertThat(f.span().endLine()).isEqualTo(2);
    }

    @Test
    void bomAndCrlfReadLikeTheCleanFile() {
        String clean = fm("title: x\nseverity: SEV7\n");
        FrontMatter a = parse(clean);
        FrontMatter b = parse("\uFEFF" + clean.replace("\n", "\r\n"));
        assertThat(b.problems()).isEqualTo(a.problems());
        assertThat(b.title()).isEqualTo("x");
    }

    @Test
    void anItemKnowsWhereEachFieldIsWrittenAndHowItIsWritten() {
        FrontMatter f = parse(fm("""
                action_items:
                  - title: Lower the disk alert to 85%
                    owner:   "@maria"
                    priority: high
                    due: [2025, 4]
                """));
        ActionItem a = f.actionItems().get(0);
        assertThat(a.spanOf(ActionItem.Field.TITLE)).hasToString("3:12");
        assertThat(a.spanOf(ActionItem.Field.OWNER)).hasToString("4:14");
        assertThat(a.writtenText(ActionItem.Field.OWNER)).isEqualTo("@maria");
        assertThat(a.priority()).isNull();
        assertThat(a.writtenText(ActionItem.Field.PRIORITY)).isEqualTo("high");
        assertThat(a.writtenText(ActionItem.Field.DUE)).as("a list is not text").isNull();
        assertThat(a.spanOf(ActionItem.Field.DUE)).hasToString("6:10");
        assertThat(a.spanOf(ActionItem.Field.STATUS)).as("not written: the item").isEqualTo(a.span());
        assertThat(a.writtenText(ActionItem.Field.LINK)).isNull();
        assertThat(a.key()).isEqualTo("lower the disk alert to 85");
    }

    @Test
    void problemsWithAnItemsDueDateOrPrioritySayThatIsWhatTheyAreAbout() {
        FrontMatter f = parse(fm("""
                severity: SEV9
                action_items:
                  - title: Lower the disk alert to 85%
                    due: 2025-02-30
                    priority: high
                    status: someday
                """));
        assertThat(f.problems()).extracting(Problem::subject, Problem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Problem.Subject.FRONT_MATTER, 2),
                org.assertj.core.groups.Tuple.tuple(Problem.Subject.ACTION_ITEM_DUE, 5),
                org.assertj.core.groups.Tuple.tuple(Problem.Subject.ACTION_ITEM_PRIORITY, 6),
                org.assertj.core.groups.Tuple.tuple(Problem.Subject.FRONT_MATTER, 7));
    }

    @Test
    void aTopLevelKeyIsFoundWithItsPlaceAndWhetherItIsEmpty() {
        FrontMatter f = parse(fm("""
                title: Payment API outage
                severity:
                date: " "
                """));
        assertThat(f.key("title")).hasValueSatisfying(k -> {
            assertThat(k.span()).hasToString("2:1");
            assertThat(k.empty()).isFalse();
        });
        assertThat(f.key("severity")).hasValueSatisfying(k -> assertThat(k.empty()).isTrue());
        assertThat(f.key("date")).hasValueSatisfying(k -> assertThat(k.empty()).isTrue());
        assertThat(f.key("status")).isEmpty();
    }
}
