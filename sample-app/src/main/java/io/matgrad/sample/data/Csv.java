package io.matgrad.sample.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A comma-separated file with a header line, read from the classpath: enough CSV for the shipped
 * data sets (fields in double quotes may hold commas; {@code ""} is a quote).
 */
final class Csv {
    private final String name;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<List<String>> rows = new ArrayList<>();

    private Csv(String name) {
        this.name = name;
    }

    /** Reads {@code name} from the resources beside this class. */
    static Csv resource(String name) {
        InputStream stream = Csv.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("data set " + name + " is missing from the classpath");
        }
        Csv csv = new Csv(name);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> header = split(reader.readLine());
            for (int i = 0; i < header.size(); i++) {
                csv.columns.put(header.get(i), i);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    csv.rows.add(split(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data set " + name, e);
        }
        return csv;
    }

    List<List<String>> rows() {
        return rows;
    }

    /** The field of {@code row} in the column named {@code column}; empty if the row is short. */
    String get(List<String> row, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException(name + " has no column " + column + "; it has " + columns.keySet());
        }
        return index < row.size() ? row.get(index) : "";
    }

    /** The number in {@code column}, or NaN where the field is empty (a missing value). */
    double number(List<String> row, String column) {
        String field = get(row, column);
        return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
