package pm.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import pm.io.InputException;
import pm.parse.Dates;
import pm.parse.Schema;

/** How options that take a date or a severity read them, the same way in every command. */
final class Converters {
    private Converters() {
    }

    /** A day written as YYYY-MM-DD ({@code --date}, {@code --as-of}); anything else says what to write. */
    static final class Day implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            Dates.Result<LocalDate> r = Dates.date(value);
            if (!r.ok()) {
                throw new TypeConversionException(r.problem());
            }
            return r.value();
        }
    }

    /**
     * Severities as the repository configures them ({@code severities} in .pm.yml, matched ignoring case), in
     * their configured spelling. They are read once the configuration is, so a converter cannot do it.
     */
    static List<String> severities(List<String> values, Schema schema) throws InputException {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(schema.severity(v).orElseThrow(() -> new InputException("--severity '" + v + "' is not one of "
                    + String.join(", ", schema.severities()) + " (set 'severities' in .pm.yml to change them)")));
        }
        return out;
    }
}
