package io.matgrad.spark.examples;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs from a command line, with defaults. */
final class Arguments {
    private final Map<String, String> values = new HashMap<>();

    Arguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            values.put(args[i], args[++i]);
        }
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** Accepts 1000000, 1e6 and 1_000_000 alike. */
    long longValue(String name, long fallback) {
        String value = values.get(name);
        return value == null ? fallback : (long) Double.parseDouble(value.replace("_", ""));
    }

    int intValue(String name, int fallback) {
        return Math.toIntExact(longValue(name, fallback));
    }

    double doubleValue(String name, double fallback) {
        String value = values.get(name);
        return value == null ? fallback : Double.parseDouble(value);
    }
}
