package io.matgrad.processor;

import com.palantir.javapoet.JavaFile;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Writes generated files, reporting a file that cannot be written on the class it was generated for. */
final class GeneratedFiles {
    private GeneratedFiles() {}

    static void write(JavaFile file, Filer filer, TypeElement owner, ErrorReporter reporter) {
        try {
            file.writeTo(filer);
        } catch (IOException e) {
            // FilerException included: another processor, or an earlier round, wrote the same class.
            reporter.error(Message.WRITE_FAILED, owner, file.packageName() + "." + file.typeSpec().name(), e.getMessage());
        }
    }

    /** Writes {@code text} as the resource {@code packageName/name} beside the generated sources. */
    static void writeResource(String packageName, String name, String text, Filer filer, TypeElement owner,
            ErrorReporter reporter) {
        try {
            FileObject resource = filer.createResource(StandardLocation.SOURCE_OUTPUT, packageName, name, owner);
            try (Writer writer = resource.openWriter()) {
                writer.write(text);
            }
        } catch (IOException e) {
            reporter.error(Message.WRITE_FAILED, owner, packageName + "/" + name, e.getMessage());
        }
    }
}
