package pm.launcher;

/**
 * A stand-in for pm.jar's main class in {@link LauncherTest}: prints its arguments one per line as
 * {@code [arg]}, and exits with the status given by an argument {@code exit=N}. {@code __train} prints
 * nothing, like pm's.
 */
public final class EchoMain {
    private EchoMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("__train")) {
            return;
        }
        int code = 0;
        for (String a : args) {
            System.out.println("[" + a + "]");
            if (a.startsWith("exit=")) {
                code = Integer.parseInt(a.substring(5));
            }
        }
        System.exit(code);
    }
}
