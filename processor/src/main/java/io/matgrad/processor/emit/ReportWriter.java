package io.matgrad.processor.emit;

import java.util.List;
import java.util.Locale;

/**
 * Writes the derivation report ({@code -Amatgrad.report=markdown} or {@code =html}): for every
 * function of a class, the formula, its derivatives in math notation, and the EJML kernels the
 * generated code calls, so that a reviewer can check what was derived without reading the
 * generated source.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** The report formats. */
    public enum Format {
        MARKDOWN("md"),
        HTML("html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** The format an option value names ({@code markdown}, {@code md}, {@code html}), or null. */
        public static Format named(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "markdown", "md" -> MARKDOWN;
                case "html" -> HTML;
                default -> null;
            };
        }
    }

    /** The report on the functions of {@code className}. */
    public static String write(String className, List<FunctionReport> functions, Format format) {
        return format == Format.MARKDOWN ? markdown(className, functions) : html(className, functions);
    }

    private static String markdown(String className, List<FunctionReport> functions) {
        StringBuilder out = new StringBuilder("# Derivatives of `").append(className).append("`\n\n")
                .append("Derived by matgrad at compile time. Layouts: gradients are shaped like their variable;\n")
                .append("Jacobians are ∂f/∂xᵀ (entry ij is ∂f_i/∂x_j) unless declared otherwise.\n");
        for (FunctionReport f : functions) {
            out.append("\n## `").append(f.signature()).append("`\n\n```\n");
            f.formulas().forEach(line -> out.append(line).append('\n'));
            out.append("```\n");
            for (FunctionReport.Method m : f.methods()) {
                out.append("\n### `").append(m.name()).append("`\n\n```java\n").append(m.body()).append("```\n");
            }
        }
        return out.toString();
    }

    private static String html(String className, List<FunctionReport> functions) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Derivatives of ")
                .append(escape(className)).append("</title></head><body>\n<h1>Derivatives of <code>")
                .append(escape(className)).append("</code></h1>\n")
                .append("<p>Derived by matgrad at compile time. Layouts: gradients are shaped like their variable;\n")
                .append("Jacobians are ∂f/∂xᵀ (entry ij is ∂f<sub>i</sub>/∂x<sub>j</sub>) unless declared otherwise.</p>\n");
        for (FunctionReport f : functions) {
            out.append("<h2><code>").append(escape(f.signature())).append("</code></h2>\n<pre>");
            f.formulas().forEach(line -> out.append(escape(line)).append('\n'));
            out.append("</pre>\n");
            for (FunctionReport.Method m : f.methods()) {
                out.append("<h3><code>").append(escape(m.name())).append("</code></h3>\n<pre><code>")
                        .append(escape(m.body())).append("</code></pre>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
