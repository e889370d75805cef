package io.matgrad.processor.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/** Processing environments as build tools and other compilers hand them to processors. */
public final class Environments {
    private Environments() {}

    /** One source file a processor created, with the originating elements it named. */
    public record CreatedSource(String name, List<String> originatingElements) {}

    /**
     * An environment made of {@code env}'s parts but holding no environment itself, like one of a
     * compiler without javac's tree API (ECJ): nothing in it leads to javac's {@code Trees}.
     */
    public static ProcessingEnvironment withoutTrees(ProcessingEnvironment env) {
        return new Parts(env.getOptions(), env.getMessager(), env.getFiler(), env.getElementUtils(), env.getTypeUtils(),
                env.getSourceVersion(), env.getLocale());
    }

    /**
     * Like Gradle's incremental processing: wraps {@code env} (in a field), and records every source
     * file created through its filer with the originating elements given for it.
     */
    public static ProcessingEnvironment recordingSources(ProcessingEnvironment env, List<CreatedSource> created) {
        return new Recording(env, created);
    }

    /** {@code processor}, initialized with {@code wrap} applied to the compiler's environment. */
    public static Processor wrapping(Processor processor, UnaryOperator<ProcessingEnvironment> wrap) {
        return new AbstractProcessor() {
            @Override
            public synchronized void init(ProcessingEnvironment env) {
                super.init(env);
                processor.init(wrap.apply(env));
            }

            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return processor.getSupportedAnnotationTypes();
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return processor.getSupportedSourceVersion();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                return processor.process(annotations, round);
            }
        };
    }

    private record Parts(Map<String, String> options, Messager messager, Filer filer, Elements elements, Types types,
            SourceVersion sourceVersion, Locale locale) implements ProcessingEnvironment {
        @Override
        public Map<String, String> getOptions() {
            return options;
        }

        @Override
        public Messager getMessager() {
            return messager;
        }

        @Override
        public Filer getFiler() {
            return filer;
        }

        @Override
        public Elements getElementUtils() {
            return elements;
        }

        @Override
        public Types getTypeUtils() {
            return types;
        }

        @Override
        public SourceVersion getSourceVersion() {
            return sourceVersion;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }
    }

    private static final class Recording implements ProcessingEnvironment {
        private final ProcessingEnvironment delegate;
        private final Filer filer;

        Recording(ProcessingEnvironment delegate, List<CreatedSource> created) {
            this.delegate = delegate;
            Filer real = delegate.getFiler();
            this.filer = new Filer() {
                @Override
                public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
                        throws IOException {
                    List<String> origins = new ArrayList<>();
                    for (Element e : originatingElements) {
                        origins.add(e instanceof TypeElement t ? t.getQualifiedName().toString() : e.toString());
                    }
                    created.add(new CreatedSource(name.toString(), origins));
                    return real.createSourceFile(name, originatingElements);
                }

                @Override
                public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
                        throws IOException {
                    return real.createClassFile(name, originatingElements);
                }

                @Override
                public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                        CharSequence relativeName, Element... originatingElements) throws IOException {
                    return real.createResource(location, moduleAndPkg, relativeName, originatingElements);
                }

                @Override
                public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                        CharSequence relativeName) throws IOException {
                    return real.getResource(location, moduleAndPkg, relativeName);
                }
            };
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
            return filer;
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
}
