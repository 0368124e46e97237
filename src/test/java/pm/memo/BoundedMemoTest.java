package pm.memo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pm.model.ActionStatus;
import pm.model.SectionKind;

class BoundedMemoTest {
    @Test
    void answersAsTheFunctionDoesAndAsksItOncePerString() {
        AtomicInteger calls = new AtomicInteger();
        BoundedMemo<String, Integer> memo = BoundedMemo.ofStrings(s -> {
            calls.incrementAndGet();
            return s.length();
        });
        assertThat(memo.get("Summary")).isEqualTo(7);
        assertThat(memo.get("Summary")).isEqualTo(7);
        assertThat(memo.get("Timeline")).isEqualTo(8);
        assertThat(calls).hasValue(2);
    }

    @Test
    void staysBoundedAndStillAnswersOnceFull() {
        AtomicInteger calls = new AtomicInteger();
        BoundedMemo<String, String> memo = BoundedMemo.ofStrings(s -> {
            calls.incrementAndGet();
            return s.toUpperCase();
        });
        for (int i = 0; i < BoundedMemo.LIMIT + 100; i++) {
            memo.get("h" + i);
        }
        calls.set(0);
        assertThat(memo.get("h" + (BoundedMemo.LIMIT + 50))).isEqualTo("H" + (BoundedMemo.LIMIT + 50));
        assertThat(calls).hasValue(1); // not remembered: the memo was full
        assertThat(memo.get("h1")).isEqualTo("H1");
        assertThat(calls).hasValue(1); // remembered before it filled up
        String longKey = "x".repeat(500);
        memo.get(longKey);
        memo.get(longKey);
        assertThat(calls).hasValue(3);
    }

    @Test
    void headingsAndStatusesAreRecognisedTheSameWayEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(SectionKind.fromHeading("3. Root Cause(s) (draft)")).isEqualTo(SectionKind.fromHeading("3. Root Cause(s) (draft)"));
            assertThat(SectionKind.fromHeading("Timeline (UTC)")).contains(SectionKind.TIMELINE);
            assertThat(ActionStatus.parse("Won't fix")).contains(ActionStatus.WONT_DO);
            assertThat(ActionStatus.parse(" In Progress ")).contains(ActionStatus.IN_PROGRESS);
        }
    }
}
