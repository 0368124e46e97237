package pm.cli;

/** The exit statuses of pm's commands. */
public final class ExitStatus {
    /** Nothing wrong: no finding is an error, the report was printed. */
    public static final int OK = 0;
    /** A finding is an error ({@code pm lint}), or something is overdue with {@code --fail-on-overdue}. */
    public static final int FINDINGS = 1;
    /** A usage or input error: a bad option, a bad {@code .pm.yml}, a file that cannot be read. */
    public static final int USAGE = 2;
    /** A bug in pm itself. */
    public static final int INTERNAL = 3;

    private ExitStatus() {
    }
}
