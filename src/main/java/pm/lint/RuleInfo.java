package pm.lint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a rule is, in the style of Error Prone's {@code @BugPattern}: its stable id, a one-line summary,
 * the default severity, tags, and a bad and a good example. The README's rule table, the SARIF rules
 * table and {@code .pm.yml} validation all read this.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** The id users write in {@code .pm.yml} and {@code pm-disable} comments. Never change it. */
    String id();

    String summary();

    Severity severity();

    String[] tags() default {};

    /** A line a postmortem might contain that the rule flags. */
    String bad();

    /** The same thing written so the rule passes. */
    String good();
}
