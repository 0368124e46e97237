package pm.model;

/** An HTML comment in the body (not in code), e.g. a template prompt or a {@code pm-disable} directive. */
public record HtmlComment(String text, int start, int end, Span span) {
}
