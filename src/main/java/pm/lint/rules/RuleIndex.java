package pm.lint.rules;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pm.io.AtomicFiles;
import pm.io.InputException;
import pm.lint.Rule;
import pm.lint.RuleInfo;
import pm.lint.Severity;

/**
 * The {@link RuleInfo} of every rule, read from the annotations when pm is built (the build runs {@link #main}
 * after compiling) and kept in the resource {@value #RESOURCE}. Reading an annotation at run time makes the JVM
 * generate a proxy class and parse the class file's annotations: ~16 ms of every cold start, which a class-data
 * archive does not keep. A missing resource, or one that does not list exactly {@link Rules}' classes, is not
 * used: the annotations are read as before.
 */
final class RuleIndex {
    static final String RESOURCE = "rules.bin";
    private static final String HEADER = "pm rule index 1\n";
    private static final char RECORD = '\u0000';
    private static final char FIELD = '\u0001';
    private static final char TAG = '\u0002';

    private RuleIndex() {
    }

    /** The annotation's values, as the index holds them; {@link #annotationType} is {@link RuleInfo}. */
    record Indexed(String id, String summary, Severity severity, String[] tags, String bad, String good)
            implements RuleInfo {
        @Override
        public String[] tags() {
            return tags.clone();
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return RuleInfo.class;
        }
    }

    /** The infos of {@code classes}, in their order, or null when the index does not hold exactly those. */
    static List<RuleInfo> load(List<Class<? extends Rule>> classes) {
        try (InputStream raw = RuleIndex.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                return null;
            }
            String text = new String(raw.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.startsWith(HEADER)) {
                return null;
            }
            String[] records = text.substring(HEADER.length()).split(String.valueOf(RECORD), -1);
            if (records.length != classes.size() + 1 || !records[classes.size()].isEmpty()) {
                return null;
            }
            List<RuleInfo> infos = new ArrayList<>();
            for (int k = 0; k < classes.size(); k++) {
                String[] f = records[k].split(String.valueOf(FIELD), -1);
                if (f.length != 7 || !f[0].equals(classes.get(k).getName())) {
                    return null;
                }
                String[] tags = f[4].isEmpty() ? new String[0] : f[4].split(String.valueOf(TAG), -1);
                infos.add(new Indexed(f[1], f[2], Severity.valueOf(f[3]), tags, f[5], f[6]));
            }
            return List.copyOf(infos);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the index of {@link Rules}' classes to the file named by the one argument. */
    public static void main(String[] args) throws IOException, InputException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RuleIndex OUTPUT-FILE");
        }
        StringBuilder text = new StringBuilder(HEADER);
        for (Class<? extends Rule> c : Rules.CLASSES) {
            RuleInfo i = c.getAnnotation(RuleInfo.class);
            if (i == null) {
                throw new IllegalStateException(c.getName() + " has no @RuleInfo");
            }
            List<String> fields = List.of(c.getName(), i.id(), i.summary(), i.severity().name(),
                    String.join(String.valueOf(TAG), i.tags()), i.bad(), i.good());
            for (String field : fields) {
                if (field.indexOf(RECORD) >= 0 || field.indexOf(FIELD) >= 0) {
                    throw new IllegalArgumentException("a separator of the rule index in: " + field);
                }
            }
            text.append(String.join(String.valueOf(FIELD), fields)).append(RECORD);
        }
        Path target = Path.of(args[0]);
        AtomicFiles.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.replace(target, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
