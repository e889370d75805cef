package io.matgrad.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.matgrad.processor.testing.Compilations.errorsTagged;
import static io.matgrad.processor.testing.Compilations.messages;

import com.google.common.collect.Streams;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.matgrad.processor.testing.Classpath;
import io.matgrad.processor.testing.InMemoryClasses;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@code @Differentiable} wherever Java lets a static method be: generated where the generated
 * class can call the method (member classes at any depth, records, enums, interfaces), a positioned
 * error where nothing outside can name the class (local and anonymous classes, and classes inside
 * them), never silence.
 */
class ClassPlacementTest {

    /** matgrad's processors as a build finds them: from META-INF/services, in its order. */
    private static List<Processor> discovered() {
        return Streams.stream(ServiceLoader.load(Processor.class, DifferentiableProcessor.class.getClassLoader()))
                .filter(p -> p.getClass().getName().startsWith("io.matgrad."))
                .toList();
    }

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(discovered()).withClasspath(Classpath.current()).compile(sources);
    }

    private static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString("test." + name, """
                package test;

                import static io.matgrad.runtime.MatrixOps.*;

                import io.matgrad.annotations.Differentiable;
                import org.ejml.data.DMatrixRMaj;

                public class %s {
                %s
                }
                """.formatted(name, body));
    }

    @Test
    void bothProcessorsAreRegistered() {
        assertThat(discovered().stream().map(p -> p.getClass().getSimpleName()).toList())
                .containsExactly("DifferentiableProcessor", "LocalClassesProcessor");
    }

    @Test
    void membersOfRecordsEnumsInterfacesAndDeeplyNestedClassesAreGenerated() throws Exception {
        JavaFileObject places = source("Places", """
                    public record Point(double x) {
                        @Differentiable
                        static double inRecord(DMatrixRMaj x) {
                            return normSq(x);
                        }
                    }

                    enum Mode {
                        ONE;

                        @Differentiable
                        static double inEnum(DMatrixRMaj x) {
                            return sum(exp(x));
                        }
                    }

                    interface Model {
                        @Differentiable
                        static double inInterface(DMatrixRMaj x) {
                            return 3.0 * sum(x);
                        }
                    }

                    static class A {
                        static class B {
                            record C(int unused) {
                                @Differentiable
                                static double deep(DMatrixRMaj x) {
                                    return dot(x, x);
                                }
                            }
                        }
                    }

                    private static class Hidden {
                        @Differentiable
                        private static double hidden(DMatrixRMaj x) {
                            return normSq(x);
                        }
                    }
                """);
        Compilation c = compile(places);
        assertThat(c).succeededWithoutWarnings();
        InMemoryClasses classes = new InMemoryClasses(c);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1}, {-2}});
        assertThat(gradient(classes, "test.Places_PointGradients", "inRecordGradX", x)).usingTolerance(0).containsExactly(2, -4);
        assertThat(gradient(classes, "test.Places_ModeGradients", "inEnumGradX", x))
                .usingTolerance(1e-15).containsExactly(Math.exp(1), Math.exp(-2));
        assertThat(gradient(classes, "test.Places_ModelGradients", "inInterfaceGradX", x)).usingTolerance(0).containsExactly(3, 3);
        assertThat(gradient(classes, "test.Places_A_B_CGradients", "deepGradX", x)).usingTolerance(0).containsExactly(2, -4);
        assertThat(gradient(classes, "test.Places_HiddenGradients", "hiddenGradX", x)).usingTolerance(0).containsExactly(2, -4);
    }

    private static double[] gradient(InMemoryClasses classes, String gradients, String method, DMatrixRMaj x)
            throws Exception {
        return ((DMatrixRMaj) classes.load(gradients).getMethod(method, DMatrixRMaj.class).invoke(null, x)).data;
    }

    @Test
    void aLocalClassIsAnError() {
        JavaFileObject source = source("Local", """
                    @Differentiable
                    static double member(DMatrixRMaj x) {
                        return normSq(x);
                    }

                    static double caller(DMatrixRMaj x) {
                        class Model {
                            @Differentiable
                            static double inLocal(DMatrixRMaj x) { // here
                                return normSq(x);
                            }
                        }
                        return Model.inLocal(x);
                    }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradLocalClass] @Differentiable method inLocal is in the local class"
                        + " Model, which no code outside its declaration can name, so matgrad generates nothing for"
                        + " it; move inLocal to a top-level class, or to a static nested class, record, enum or"
                        + " interface of Local")
                .inFile(source).onLineContaining("inLocal(DMatrixRMaj x) { // here");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void localRecordsEnumsAndInterfacesAreErrors() {
        JavaFileObject source = source("LocalKinds", """
                    static void caller() {
                        record Point(double x) {
                            @Differentiable
                            static double inRecord(DMatrixRMaj x) { // record
                                return normSq(x);
                            }
                        }
                        enum Mode {
                            ONE;

                            @Differentiable
                            static double inEnum(DMatrixRMaj x) { // enum
                                return normSq(x);
                            }
                        }
                        interface Model {
                            @Differentiable
                            static double inInterface(DMatrixRMaj x) { // interface
                                return normSq(x);
                            }
                        }
                    }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("@Differentiable method inRecord is in the local record Point,")
                .inFile(source).onLineContaining("// record");
        assertThat(c).hadErrorContaining("@Differentiable method inEnum is in the local enum Mode,")
                .inFile(source).onLineContaining("// enum");
        assertThat(c).hadErrorContaining("@Differentiable method inInterface is in the local interface Model,")
                .inFile(source).onLineContaining("// interface");
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void anonymousClassesAreErrors() {
        JavaFileObject source = source("Anonymous", """
                    static final Object FIELD = new Object() {
                        @Differentiable
                        static double inField(DMatrixRMaj x) { // field
                            return normSq(x);
                        }
                    };

                    enum Mode {
                        ONE {
                            @Differentiable
                            static double inConstant(DMatrixRMaj x) { // constant
                                return normSq(x);
                            }
                        }
                    }

                    static Runnable lambda() {
                        return () -> new Object() {
                            @Differentiable
                            static double inLambda(DMatrixRMaj x) { // lambda
                                return normSq(x);
                            }
                        };
                    }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("[MatgradLocalClass] @Differentiable method inField is in an anonymous class,"
                        + " which no code outside its declaration can name")
                .inFile(source).onLineContaining("// field");
        assertThat(c).hadErrorContaining("@Differentiable method inConstant is in an anonymous class,")
                .inFile(source).onLineContaining("// constant");
        assertThat(c).hadErrorContaining("@Differentiable method inLambda is in an anonymous class,")
                .inFile(source).onLineContaining("// lambda");
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void classesInsideLocalClassesAreErrors() {
        JavaFileObject source = source("Inside", """
                    static {
                        class Outer {
                            static class Member {
                                @Differentiable
                                static double inMember(DMatrixRMaj x) { // member
                                    return normSq(x);
                                }
                            }
                        }
                    }
                """);
        Compilation c = compile(source);
        assertThat(c).hadErrorContaining("@Differentiable method inMember is in the class Member, nested in a local or"
                        + " anonymous class,")
                .inFile(source).onLineContaining("// member");
        assertThat(c).hadErrorCount(1);
    }

    /**
     * Javac calls DifferentiableProcessor only for files with matgrad annotations on members; here
     * LocalClassesProcessor reports alone, once, whichever runs first.
     */
    @Test
    void aFileWhoseOnlyDifferentiableMethodIsLocalIsReportedOnce() {
        JavaFileObject source = source("OnlyLocal", """
                    @Deprecated
                    static void caller() {
                        class Model {
                            @io.matgrad.annotations.Differentiable
                            static double qualified(DMatrixRMaj x) { // here
                                return normSq(x);
                            }
                        }
                    }
                """);
        for (List<Processor> processors : List.of(
                List.<Processor>of(new DifferentiableProcessor(), new LocalClassesProcessor()),
                List.<Processor>of(new LocalClassesProcessor(), new DifferentiableProcessor()))) {
            Compilation c = Compiler.javac().withProcessors(processors).withClasspath(Classpath.current()).compile(source);
            assertThat(c).hadErrorContaining("[MatgradLocalClass] @Differentiable method qualified is in the local"
                    + " class Model").inFile(source).onLineContaining("// here");
            assertThat(errorsTagged(c, "[Matgrad")).isEqualTo(1);
        }
    }

    @Test
    void withMembersToProcessTooEachLocalMethodIsReportedOnce() {
        JavaFileObject source = source("Mixed", """
                    @Differentiable
                    static double member(DMatrixRMaj x) {
                        return normSq(x);
                    }

                    static void caller() {
                        class Model {
                            @Differentiable
                            static double inLocal(DMatrixRMaj x) { // here
                                return normSq(x);
                            }
                        }
                    }
                """);
        for (List<Processor> processors : List.of(
                List.<Processor>of(new DifferentiableProcessor(), new LocalClassesProcessor()),
                List.<Processor>of(new LocalClassesProcessor(), new DifferentiableProcessor()))) {
            Compilation c = Compiler.javac().withProcessors(processors).withClasspath(Classpath.current()).compile(source);
            assertThat(c).hadErrorContaining("[MatgradLocalClass]").inFile(source).onLineContaining("// here");
            assertThat(errorsTagged(c, "[Matgrad")).isEqualTo(1);
        }
    }

    @Test
    void anAnnotationOfAnotherPackageNamedDifferentiableIsNotOurs() {
        JavaFileObject other = JavaFileObjects.forSourceString("other.Differentiable", """
                package other;

                public @interface Differentiable {}
                """);
        JavaFileObject source = JavaFileObjects.forSourceString("test.Foreign", """
                package test;

                import other.Differentiable;

                class Foreign {
                    static void caller() {
                        class Model {
                            @Differentiable
                            static double unrelated(double x) {
                                return x;
                            }
                        }
                    }
                }
                """);
        Compilation c = compile(other, source);
        assertThat(c).succeeded();
        assertThat(messages(c)).doesNotContain("[Matgrad");
    }
}
