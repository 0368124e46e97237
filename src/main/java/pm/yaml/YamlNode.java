package pm.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value that remembers where it stood in the file (1-based line and column). */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    int line();

    int column();

    /** A short name of the node's type for error messages: "text", "number", "list", … */
    String typeName();

    enum ScalarKind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    record Scalar(String text, ScalarKind kind, int line, int column) implements YamlNode {
        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }

        @Override
        public String typeName() {
            return switch (kind) {
                case STRING -> "text";
                case INTEGER, FLOAT -> "number";
                case BOOLEAN -> "true/false";
                case NULL -> "empty";
            };
        }
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "list";
        }
    }

    record Entry(String key, int keyLine, int keyColumn, YamlNode value) {
    }

    record Mapping(Map<String, Entry> entries, int line, int column) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(entries instanceof Fresh fresh ? fresh : new LinkedHashMap<>(entries));
        }

        /** Entries a reader has just filled and hands over: kept as they are, not copied again. */
        static final class Fresh extends LinkedHashMap<String, Entry> {
            private static final long serialVersionUID = 1L;
        }

        public Entry entry(String key) {
            return entries.get(key);
        }

        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String typeName() {
            return "mapping";
        }
    }
}
