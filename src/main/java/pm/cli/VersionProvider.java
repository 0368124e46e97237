package pm.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code pm/version.properties}. */
public final class VersionProvider implements IVersionProvider {
    /** When this pm was built, as the build recorded it: tells two builds of one version apart. */
    public static String build() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/pm/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return p.getProperty("build", "unknown");
    }

    /** pm's version alone, e.g. "0.1.0" ("unknown" when the build did not record it). */
    public static String version() {
        try {
            return new VersionProvider().getVersion()[0].replaceFirst("^pm (\\S+).*", "$1");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() throws java.io.IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/pm/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"pm " + p.getProperty("version", "unknown")
                + " (Java " + System.getProperty("java.version") + ")"};
    }
}
