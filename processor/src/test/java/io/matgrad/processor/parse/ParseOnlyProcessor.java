package io.matgrad.processor.parse;

import com.sun.source.util.Trees;
import io.matgrad.annotations.Differentiable;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.ir.Function;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Runs only the parse stage on every {@code @Differentiable} method and keeps the functions it
 * returns, by method name, for the test to inspect after the compilation.
 */
@SupportedAnnotationTypes("io.matgrad.annotations.Differentiable")
final class ParseOnlyProcessor extends AbstractProcessor {
    final Map<String, Function> functions = new LinkedHashMap<>();
    private ErrorReporter reporter;
    private MethodParser parser;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        Optional<Trees> trees = MethodParser.trees(env);
        reporter = new ErrorReporter(env.getMessager(), trees.orElse(null));
        parser = trees.map(t -> new MethodParser(t, env.getElementUtils(), env.getTypeUtils(), reporter)).orElse(null);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element e : round.getElementsAnnotatedWith(Differentiable.class)) {
            ExecutableElement method = (ExecutableElement) e;
            if (parser == null) {
                reporter.error(Message.NO_TREES, method);
                continue;
            }
            parser.parse(method).ifPresent(f -> functions.put(method.getSimpleName().toString(), f));
        }
        return false;
    }
}
