package io.matgrad.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import com.sun.source.util.Trees;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.emit.GeneratedFunction;
import io.matgrad.processor.emit.GradientsWriter;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.parse.MethodParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The matgrad annotation processor: for the {@code @Differentiable} methods of each class {@code C},
 * writes {@code CGradients} with their exact derivatives as EJML code.
 *
 * <p>A gated pipeline per method: parse (with positioned diagnostics) → differentiate → simplify
 * and fuse → emit. A method whose parse reported an error goes no further; the others go on. Any
 * unexpected exception is reported as an error on the method it was processing, never thrown out
 * of {@link #process}, so javac reports it like any other error and compiles the rest.
 * Nothing is kept across rounds: each round's elements are processed in that round.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes(DifferentiableProcessor.ANNOTATION)
public final class DifferentiableProcessor extends AbstractProcessor {
    static final String ANNOTATION = "io.matgrad.annotations.Differentiable";

    private ErrorReporter reporter;
    private MethodParser parser;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
        super.init(env);
        Optional<Trees> trees = MethodParser.trees(env);
        reporter = new ErrorReporter(env.getMessager(), trees.orElse(null));
        parser = trees.map(t -> new MethodParser(t, env.getElementUtils(), env.getTypeUtils(), reporter)).orElse(null);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ANNOTATION);
        if (annotation == null) {
            return false;
        }
        Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            if (element.getKind() == ElementKind.METHOD && element.getEnclosingElement() instanceof TypeElement owner) {
                byClass.computeIfAbsent(owner, k -> new ArrayList<>()).add((ExecutableElement) element);
            }
        }
        byClass.forEach(this::generate);
        // Claim @Differentiable: no other processor has a use for it, and an unclaimed annotation is
        // a -Xlint:processing warning that fails users' -Werror builds.
        return true;
    }

    /** Writes the gradients class of {@code owner}, with every method that got through the pipeline. */
    private void generate(TypeElement owner, List<ExecutableElement> methods) {
        if (parser == null) {
            methods.forEach(m -> reporter.error(Message.NO_TREES, m));
            return;
        }
        ClassName original = ClassName.get(owner);
        List<GeneratedFunction> generated = new ArrayList<>();
        for (ExecutableElement method : methods) {
            try {
                Optional<Function> function = parser.parse(method);
                function.ifPresent(f -> generated.add(GradientsWriter.function(f, original)));
            } catch (RuntimeException | StackOverflowError e) {
                reporter.error(Message.INTERNAL_ERROR, method, method.getSimpleName(), e);
            }
        }
        TypeSpec.Builder type = GradientsWriter.type(original, generated, getClass().getName());
        // one originating element, the class: what Gradle's isolating mode needs to track the file
        type.addOriginatingElement(owner);
        try {
            GradientsWriter.file(original, type.build()).writeTo(processingEnv.getFiler());
        } catch (IOException | RuntimeException e) {
            reporter.error(Message.INTERNAL_ERROR, owner, owner.getSimpleName(), e);
        }
    }
}
