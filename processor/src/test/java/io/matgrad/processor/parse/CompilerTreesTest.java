package io.matgrad.processor.parse;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.util.Trees;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.junit.jupiter.api.Test;

/** The tree API is found through the wrappers build tools put around javac's environment. */
class CompilerTreesTest {

    /** Like Gradle's incremental processing environment: a class that delegates to a field. */
    static final class DelegatingEnvironment implements ProcessingEnvironment {
        private final ProcessingEnvironment delegate;

        DelegatingEnvironment(ProcessingEnvironment delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, String> getOptions() {
            return delegate.getOptions();
        }

        @Override
        public Messager getMessager() {
            return delegate.getMessager();
        }

        @Override
        public Filer getFiler() {
            return delegate.getFiler();
        }

        @Override
        public Elements getElementUtils() {
            return delegate.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return delegate.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return delegate.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return delegate.getLocale();
        }
    }

    /** Like IntelliJ's: a proxy whose handler, an anonymous class, holds the environment. */
    static ProcessingEnvironment proxy(ProcessingEnvironment delegateTo) {
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                return method.invoke(delegateTo, args);
            }
        };
        return (ProcessingEnvironment) Proxy.newProxyInstance(
                CompilerTreesTest.class.getClassLoader(), new Class<?>[] {ProcessingEnvironment.class}, handler);
    }

    /** Records what {@link MethodParser#trees} finds for several wrappings of javac's environment. */
    @SupportedAnnotationTypes("*")
    static final class Probe extends AbstractProcessor {
        Optional<Trees> plain;
        Optional<Trees> delegating;
        Optional<Trees> proxied;
        Optional<Trees> nested;
        Optional<Trees> foreign;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            plain = MethodParser.trees(env);
            delegating = MethodParser.trees(new DelegatingEnvironment(env));
            proxied = MethodParser.trees(proxy(env));
            nested = MethodParser.trees(proxy(new DelegatingEnvironment(env)));
            // An environment of another compiler holds no javac environment anywhere.
            foreign = MethodParser.trees(new DelegatingEnvironment(proxy(null)));
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return false;
        }
    }

    @Test
    void findsTreesThroughWrappers() {
        Probe probe = new Probe();
        Compilation c = Compiler.javac().withProcessors(probe)
                .compile(JavaFileObjects.forSourceString("test.Empty", "package test; class Empty {}"));
        assertThat(c).succeeded();
        assertThat(probe.plain).isPresent();
        assertThat(probe.delegating).hasValue(probe.plain.get());
        assertThat(probe.proxied).hasValue(probe.plain.get());
        assertThat(probe.nested).hasValue(probe.plain.get());
        assertThat(probe.foreign).isEmpty();
    }
}
