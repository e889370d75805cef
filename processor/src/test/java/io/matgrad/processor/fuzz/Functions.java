package io.matgrad.processor.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-written functions for the fuzzer's checker, to pin down what it found. */
final class Functions {
    private Functions() {}

    /**
     * A {@code @Differentiable} method {@code name} with parameters like {@code "A 3x2, S 3x3 spd, s"}
     * (a bare name is a double), differentiated by the comma-separated {@code wrt}.
     */
    static Generator.Function of(String name, String parameters, String wrt, String body) {
        List<Generator.Parameter> declared = new ArrayList<>();
        for (String p : parameters.split(",")) {
            String[] parts = p.trim().split("\\s+");
            if (parts.length == 1) {
                declared.add(new Generator.Parameter(parts[0], true, 1, 1, false));
            } else {
                String[] size = parts[1].split("x");
                declared.add(new Generator.Parameter(parts[0], false, Integer.parseInt(size[0]),
                        Integer.parseInt(size[1]), parts.length > 2 && parts[2].equals("spd")));
            }
        }
        List<String> wrtList = Arrays.stream(wrt.split(",")).map(String::trim).toList();
        String signature = String.join(", ", declared.stream().map(p -> p.javaType() + " " + p.name()).toList());
        String source = "    @Differentiable(wrt = {" + String.join(", ", wrtList.stream().map(w -> "\"" + w + "\"").toList())
                + "})\n    public static double " + name + "(" + signature + ") {\n        " + body + "\n    }\n";
        return new Generator.Function(name, source, declared, wrtList, false, false);
    }
}
