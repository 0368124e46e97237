/**
 * How pm starts fast: the entry point ({@link pm.launcher.Main}), and the hidden {@code __train} command the
 * launcher script runs once per jar and JDK to record a class-data archive.
 *
 * <p>Fast path: {@link pm.launcher.FastPath} runs the everyday command lines ({@code pm lint [PATH...]} with
 * {@code --staged}, {@code --fix}, {@code --format}, {@code --color}, and {@code pm overdue [DIR]}) without
 * building picocli's model. It mirrors picocli's parsing of those lines: Main is the facade, FastPath is
 * package-private and declines (returns {@code null}) anything else, valid or not, which goes to picocli, and
 * {@code FastPathTest} runs each line both ways and compares output and exit status.
 */
package pm.launcher;
