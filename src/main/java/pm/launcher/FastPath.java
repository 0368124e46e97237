package pm.launcher;

import java.util.ArrayList;
import java.util.List;
import pm.cli.Commands;
import pm.cli.Context;
import pm.cli.LintCommand;
import pm.cli.OverdueCommand;

/**
 * The everyday command lines, {@code pm lint [PATH...]} with {@code --staged}, {@code --fix}, {@code --cache}, {@code --format X}
 * and {@code --color X}, and {@code pm overdue [DIR]}, run without building picocli's model of the command
 * (reading its annotations costs a cold start tens of milliseconds). It takes only what it fully understands:
 * each option at most once, values that are valid, no help, no {@code --}, no {@code @file}, no argument that
 * starts with '-' or holds '=' other than {@code --format=X} and {@code --color=X}. Anything else, valid or not,
 * goes to picocli, so output and exit status are the same either way ({@code FastPathTest} compares them).
 */
final class FastPath {
    private FastPath() {
    }

    /** Runs the command line when it is one of the everyday ones; null when picocli must. */
    static Integer run(Context ctx, String[] args) {
        if (args.length == 0) {
            return null;
        }
        for (String a : args) {
            if (a.startsWith("@")) {
                return null; // picocli reads arguments from the file
            }
        }
        switch (args[0]) {
            case "lint":
                return lint(ctx, args);
            case "overdue":
                return overdue(ctx, args);
            default:
                return null;
        }
    }

    private static Integer lint(Context ctx, String[] args) {
        String format = null;
        String color = null;
        boolean staged = false;
        boolean fix = false;
        boolean cache = false;
        boolean strict = false;
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if (a.startsWith("--format=") || a.startsWith("--color=")) {
                int eq = a.indexOf('=');
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            } else if (a.equals("--format") || a.equals("--color")) {
                if (i + 1 == args.length) {
                    return null;
                }
                value = args[++i];
            }
            if (value != null) {
                if (value.isEmpty() || value.startsWith("-") || value.indexOf('=') >= 0) {
                    return null;
                }
                if (a.equals("--format")) {
                    if (format != null) {
                        return null;
                    }
                    format = value;
                } else {
                    if (color != null) {
                        return null;
                    }
                    color = value;
                }
            } else if (a.equals("--staged")) {
                if (staged) {
                    return null;
                }
                staged = true;
            } else if (a.equals("--fix")) {
                if (fix) {
                    return null;
                }
                fix = true;
            } else if (a.equals("--cache")) {
                if (cache) {
                    return null;
                }
                cache = true;
            } else if (a.equals("--strict")) {
                if (strict) {
                    return null;
                }
                strict = true;
            } else if (a.startsWith("-") || a.indexOf('=') >= 0) {
                return null;
            } else {
                paths.add(a);
            }
        }
        LintCommand.ColorMode mode = colorMode(color != null ? color : LintCommand.DEFAULT_COLOR);
        if (mode == null) {
            return null;
        }
        LintCommand cmd = LintCommand.of(paths, format != null ? format : LintCommand.DEFAULT_FORMAT, staged, fix, cache, mode)
                .strict(strict);
        if (cmd.problem() != null) {
            return null; // picocli says what is wrong
        }
        try {
            return cmd.run(ctx);
        } catch (Exception e) {
            return Commands.failure(ctx, e, ctx.err());
        }
    }

    /** {@code --color}'s value as picocli reads it (an enum constant, case ignored); null when unsure. */
    private static LintCommand.ColorMode colorMode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return null;
            }
        }
        for (LintCommand.ColorMode m : LintCommand.ColorMode.values()) {
            if (m.name().equalsIgnoreCase(value)) {
                return m;
            }
        }
        return null;
    }

    private static Integer overdue(Context ctx, String[] args) {
        if (args.length > 2) {
            return null;
        }
        String dir = null;
        if (args.length == 2) {
            dir = args[1];
            if (dir.startsWith("-") || dir.indexOf('=') >= 0) {
                return null;
            }
        }
        try {
            return OverdueCommand.of(dir).run(ctx);
        } catch (Exception e) {
            return Commands.failure(ctx, e, ctx.err());
        }
    }
}
