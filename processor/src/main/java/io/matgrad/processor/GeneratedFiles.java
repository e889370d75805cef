package io.matgrad.processor;

import com.palantir.javapoet.JavaFile;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;

/** Writes generated sources, reporting a file that cannot be written on the class it was generated for. */
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
}
