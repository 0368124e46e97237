package pm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks JSON against a JSON Schema that uses only the keywords the schemas in {@code pm/report/schemas} use:
 * type (object, array, string, integer), required, properties, items, enum, minLength, minimum, pattern. Any other
 * keyword is refused, so a schema cannot quietly ask for more than is checked.
 */
final class CodeQualitySchema {
    private static final List<String> KNOWN = List.of("$comment", "type", "required", "properties", "items", "enum",
            "minLength", "minimum", "pattern");

    private CodeQualitySchema() {
    }

    /** What is wrong with {@code value}, one line each ("$[0].location.path: …"); empty when nothing is. */
    static List<String> problems(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("schema keyword '" + k + "' at " + at + " is not checked here");
            }
        }
        if (schema.has("type")) {
            String type = schema.get("type").asText();
            boolean ok = switch (type) {
                case "object" -> value.isObject();
                case "array" -> value.isArray();
                case "string" -> value.isTextual();
                case "integer" -> value.isIntegralNumber();
                default -> throw new IllegalArgumentException("type " + type);
            };
            if (!ok) {
                out.add(at + ": expected " + type + ", got " + value.getNodeType());
                return;
            }
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                out.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minLength") && value.asText().length() < schema.get("minLength").asInt()) {
            out.add(at + ": shorter than " + schema.get("minLength").asInt());
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            out.add(at + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
            out.add(at + ": less than " + schema.get("minimum").asLong());
        }
        if (schema.has("required")) {
            for (JsonNode r : schema.get("required")) {
                if (!value.has(r.asText())) {
                    out.add(at + ": no " + r.asText());
                }
            }
        }
        if (schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (value.has(p.getKey())) {
                    check(p.getValue(), value.get(p.getKey()), at + "." + p.getKey(), out);
                }
            }
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", out);
            }
        }
    }
}
