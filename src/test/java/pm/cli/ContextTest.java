package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Output written in blocks still reads in order when stdout and stderr share one log. */
class ContextTest {

    @Test
    void whatStdoutHoldsGoesOutBeforeAnErrorIsWritten() {
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(new BufferedWriter(log, 1 << 16), false);
        PrintWriter err = new PrintWriter(new Context.FlushingFirst(out, log), true);
        out.println("a.md:3:1: error blame-language ...");
        assertThat(log.toString()).as("stdout is buffered").isEmpty();
        err.println("pm: b.md: is a binary file");
        out.println("c.md:9:1: warning vague-action-item ...");
        out.flush();
        assertThat(log.toString().lines()).containsExactly(
                "a.md:3:1: error blame-language ...", "pm: b.md: is a binary file", "c.md:9:1: warning vague-action-item ...");
    }
}
