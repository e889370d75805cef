package io.matgrad.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import com.sun.source.util.Trees;
import io.matgrad.processor.diag.AbortException;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.InternalErrors;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.emit.ChecksWriter;
import io.matgrad.processor.emit.GeneratedFunction;
import io.matgrad.processor.emit.GradientsWriter;
import io.matgrad.processor.emit.ReportWriter;
import io.matgrad.processor.emit.TestWriter;
import io.matgrad.processor.emit.WorkspaceNames;
import io.matgrad.processor.ir.Function;
import io.matgrad.processor.parse.MethodParser;
import io.matgrad.processor.parse.ShapeAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
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
 *
 * <p>Gradle runs it as an isolating processor ({@code META-INF/gradle/incremental.annotation.processors}):
 * each generated class has exactly one originating element, the class whose methods it
 * differentiates.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes({DifferentiableProcessor.ANNOTATION, ShapeAnnotations.ANNOTATION})
public final class DifferentiableProcessor extends AbstractProcessor {
    static final String ANNOTATION = "io.matgrad.annotations.Differentiable";

    /** The stages after parsing ({@link Pipeline}), as one step; a seam for tests that make them fail. */
    interface Backend {
        GeneratedFunction function(Function function, ClassName original, String workspace);
    }

    private final Backend backend;
    private ErrorReporter reporter;
    /** Javac's tree API, for {@link LocalClasses}; null without it. */
    private Trees trees;
    private MethodParser parser;
    /** Without the tree API, one error says so for the whole compilation, not one per method. */
    private boolean noTreesReported;
    /** An unknown option value is reported once, not once per class. */
    private boolean badOptionReported;
    /** So is a test option without JUnit to compile the tests. */
    private boolean junitMissingReported;
    /** And a source version older than the runtime's Java 17. */
    private boolean sourceVersionReported;

    public DifferentiableProcessor() {
        this(Pipeline::generate);
    }

    DifferentiableProcessor(Backend backend) {
        this.backend = backend;
    }

    /** {@code -Amatgrad.report=markdown} or {@code =html}: a derivation report beside each generated class. */
    static final String REPORT_OPTION = "matgrad.report";
    /** {@code -Amatgrad.tests=true}: a JUnit 5 test of every generated derivative, beside each generated class. */
    static final String TESTS_OPTION = "matgrad.tests";

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(REPORT_OPTION, TESTS_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        Optional<Trees> trees = MethodParser.trees(env);
        this.trees = trees.orElse(null);
        reporter = new ErrorReporter(env.getMessager(), trees.orElse(null));
        parser = trees.map(t -> new MethodParser(t, env.getElementUtils(), env.getTypeUtils(), reporter)).orElse(null);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
        for (Element element : annotated(round, ANNOTATION)) {
            if (element.getKind() == ElementKind.METHOD && element.getEnclosingElement() instanceof TypeElement owner) {
                byClass.computeIfAbsent(owner, k -> new ArrayList<>()).add((ExecutableElement) element);
            }
        }
        byClass.values().stream().findFirst().ifPresent(methods -> warnAboutSourceVersion(methods.get(0)));
        for (Element parameter : annotated(round, ShapeAnnotations.ANNOTATION)) {
            guarded(parameter, () -> ShapeAnnotations.checkPlacement(parameter, reporter));
        }
        byClass.forEach((owner, methods) -> guarded(owner, () -> generate(owner, methods)));
        if (trees != null && LocalClasses.isMatgradRound(round, processingEnv.getElementUtils())) {
            LocalClasses.report(round, trees, reporter); // in other rounds, LocalClassesProcessor does
        }
        // Claim @Differentiable and @Shape: no other processor has a use for them, and an unclaimed
        // annotation is a -Xlint:processing warning that fails users' -Werror builds.
        return true;
    }

    private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
        return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
    }

    /**
     * Warns, once per compilation, at the first {@code @Differentiable} method, when the code is
     * compiled for a Java older than 17: it compiles, since javac reads the runtime's class files
     * whatever the target, but then cannot run where its target says it can.
     */
    private void warnAboutSourceVersion(ExecutableElement method) {
        SourceVersion version = processingEnv.getSourceVersion();
        if (sourceVersionReported || version.compareTo(SourceVersion.RELEASE_17) >= 0) {
            return;
        }
        sourceVersionReported = true;
        String release = version.name().substring("RELEASE_".length());
        reporter.warning(Message.SOURCE_VERSION, method, release, release, release);
    }

    /** Writes the gradients class of {@code owner}, with every method that got through the pipeline. */
    private void generate(TypeElement owner, List<ExecutableElement> methods) {
        if (parser == null) {
            if (!noTreesReported) {
                noTreesReported = true;
                reporter.error(Message.NO_TREES, methods.get(0));
            }
            return;
        }
        ClassName original = ClassName.get(owner);
        List<GeneratedFunction> generated = new ArrayList<>();
        List<Function> testable = new ArrayList<>();
        List<GeneratedFunction> checkable = new ArrayList<>();
        // unique names, given to every method, so that an error in one never renames another's
        List<String> workspaces = WorkspaceNames.of(methods.stream().map(m -> m.getSimpleName().toString()).toList());
        GeneratedSignatures signatures = new GeneratedSignatures(reporter);
        for (int i = 0; i < methods.size(); i++) {
            ExecutableElement method = methods.get(i);
            String workspace = workspaces.get(i);
            // parse, then derive, optimise and lower, write (the backend): a method whose parse
            // reported an error goes no further
            guarded(method, () -> parser.parse(method).ifPresent(f -> {
                GeneratedFunction g = backend.function(f, original, workspace);
                if (!signatures.accept(method, g)) {
                    return;
                }
                generated.add(g);
                if (callableFromItsPackage(method)) {
                    testable.add(g.function());
                    checkable.add(g);
                }
            }));
        }
        TypeSpec.Builder type = GradientsWriter.type(original, generated, getClass().getName());
        // one originating element, the class: what Gradle's isolating mode needs to track the file
        type.addOriginatingElement(owner);
        GeneratedFiles.write(GradientsWriter.file(original, type.build()), processingEnv.getFiler(), owner, reporter);
        report(owner, original, generated);
        tests(owner, original, testable);
        checks(owner, original, checkable);
    }

    /** Whether generated code beside the class can call {@code method}: neither it nor a class around it is private. */
    private static boolean callableFromItsPackage(ExecutableElement method) {
        for (Element e = method; e instanceof ExecutableElement || e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
        }
        return true;
    }

    /** {@code CGradientsChecks}, what {@code GradientCheck.verifyAll(C.class)} reads, unless the runtime is too old for it. */
    private void checks(TypeElement owner, ClassName original, List<GeneratedFunction> functions) {
        if (processingEnv.getElementUtils().getTypeElement(ChecksWriter.INTERFACE) == null) {
            return;
        }
        TypeSpec.Builder checks = ChecksWriter.type(original, functions, getClass().getName());
        checks.addOriginatingElement(owner);
        GeneratedFiles.write(GradientsWriter.file(original, checks.build()), processingEnv.getFiler(), owner, reporter);
    }

    /** The JUnit test of {@code owner}'s derivatives, if {@code -Amatgrad.tests=true} asks for one. */
    private void tests(TypeElement owner, ClassName original, List<Function> functions) {
        if (!Boolean.parseBoolean(processingEnv.getOptions().get(TESTS_OPTION)) || functions.isEmpty()) {
            return;
        }
        if (processingEnv.getElementUtils().getTypeElement("org.junit.jupiter.api.Test") == null) {
            if (!junitMissingReported) {
                junitMissingReported = true;
                reporter.warning(Message.TESTS_NEED_JUNIT, owner, TESTS_OPTION);
            }
            return;
        }
        TypeSpec.Builder test = TestWriter.type(original, functions).toBuilder();
        test.addOriginatingElement(owner);
        GeneratedFiles.write(GradientsWriter.file(original, test.build()), processingEnv.getFiler(), owner, reporter);
    }

    /** The derivation report of {@code owner}'s functions, if {@code -Amatgrad.report} asks for one. */
    private void report(TypeElement owner, ClassName original, List<GeneratedFunction> generated) {
        String option = processingEnv.getOptions().get(REPORT_OPTION);
        if (option == null) {
            return;
        }
        ReportWriter.Format format = ReportWriter.Format.named(option);
        if (format == null) {
            if (!badOptionReported) {
                badOptionReported = true;
                reporter.error(Message.BAD_OPTION, owner, REPORT_OPTION, option, "markdown or html");
            }
            return;
        }
        ClassName generatedClass = GradientsWriter.generatedName(original);
        String text = ReportWriter.write(original.canonicalName(),
                generated.stream().map(GeneratedFunction::report).toList(), format);
        GeneratedFiles.writeResource(original.packageName(), generatedClass.simpleName() + "." + format.extension(),
                text, processingEnv.getFiler(), owner, reporter);
    }

    /**
     * Runs {@code step} for {@code element}; a failure of matgrad itself becomes an error on the
     * element, and processing goes on with the next one.
     */
    private void guarded(Element element, Runnable step) {
        try {
            step.run();
        } catch (AbortException e) {
            // reported where it was thrown
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            reporter.error(Message.INTERNAL_ERROR, element, element.getSimpleName(), InternalErrors.describe(e));
        }
    }
}
