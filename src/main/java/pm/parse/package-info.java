/**
 * Reads a postmortem into the {@link pm.model} classes: the front matter with {@link pm.yaml}, the body with
 * flexmark.
 *
 * <p>Fast path: {@code PlainMarkdown} reads bodies made only of plain Markdown (ATX headings, paragraphs of plain
 * text, one-line bullets, pipe tables, one-line HTML comments) without flexmark. It mirrors flexmark's tree as
 * {@link pm.parse.PostmortemParser} turns it into the model: PostmortemParser is the facade, PlainMarkdown is
 * package-private and declines ({@code null}) any body with anything else, which goes to flexmark, and
 * {@code PlainMarkdownTest} compares the two models. {@code LinearHeadings} and {@code LinearCodeSpans} replace
 * flexmark parsers that took quadratic time on some input, with the same results.
 */
package pm.parse;
