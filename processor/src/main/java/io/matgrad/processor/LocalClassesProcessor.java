package io.matgrad.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.parse.MethodParser;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Reports {@code @Differentiable} methods of local and anonymous classes in rounds that
 * {@link DifferentiableProcessor} is not called in: see {@link LocalClasses}. It supports every
 * annotation ({@code "*"}) only to be called in every round, and claims none, so other processors
 * see everything as before; it generates nothing.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("*")
public final class LocalClassesProcessor extends AbstractProcessor {
    private Trees trees;
    private ErrorReporter reporter;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        trees = MethodParser.trees(env).orElse(null);
        reporter = new ErrorReporter(env.getMessager(), trees);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        // without the tree API (ECJ) DifferentiableProcessor says that matgrad cannot run at all
        if (trees != null && !round.processingOver()
                && !LocalClasses.isMatgradRound(round, processingEnv.getElementUtils())) {
            LocalClasses.report(round, trees, reporter);
        }
        return false;
    }
}
