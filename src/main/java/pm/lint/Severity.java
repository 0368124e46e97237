package pm.lint;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters. Only errors make {@code pm lint} exit 1. */
public enum Severity {
    ERROR("error"), WARNING("warning"), INFO("info");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    /** As written in output and in {@code .pm.yml}: error, warning, info. */
    public String id() {
        return id;
    }

    /** One step less: error to warning, warning to info (info stays info). */
    public Severity lower() {
        return this == ERROR ? WARNING : INFO;
    }

    public static Optional<Severity> parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Severity v : values()) {
            if (v.id.equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
