package io.matgrad.processor;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.matgrad.processor.diag.ErrorReporter;
import io.matgrad.processor.diag.InternalErrors;
import io.matgrad.processor.diag.Message;
import io.matgrad.processor.parse.ShapeAnnotations;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds {@code @Differentiable} methods of local and anonymous classes, and of classes nested in
 * them, and reports each: such a class has no name outside the body it is declared in, so no
 * generated class can call it, and javac's element model, which {@code getElementsAnnotatedWith}
 * reads, does not even contain it (processors never see inside method bodies). Without this the
 * method would be silently ignored. The search reads the source trees of the round's classes.
 *
 * <p>Two processors share the search, and exactly one of them runs it in each round: javac calls
 * {@link DifferentiableProcessor} only in rounds that hold a {@code @Differentiable} or
 * {@code @Shape} element (elsewhere in the sources), and {@link LocalClassesProcessor}, which is
 * called in every round, runs it in the other rounds. So a file whose only
 * {@code @Differentiable} method is in a local class is reported too, and nothing twice.
 */
final class LocalClasses {
    private static final String PACKAGE = "io.matgrad.annotations";
    private static final String ANNOTATION = PACKAGE + ".Differentiable";

    private LocalClasses() {}

    /** Whether {@link DifferentiableProcessor} processes {@code round}: it has matgrad's annotations on elements. */
    static boolean isMatgradRound(RoundEnvironment round, Elements elements) {
        for (String annotation : new String[] {ANNOTATION, ShapeAnnotations.ANNOTATION}) {
            TypeElement type = elements.getTypeElement(annotation);
            if (type != null && !round.getElementsAnnotatedWith(type).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports every {@code @Differentiable} method of a local or anonymous class in the sources of
     * {@code round}. Never throws: a failure of its own is reported as an internal error on the file.
     */
    static void report(RoundEnvironment round, Trees trees, ErrorReporter reporter) {
        Set<CompilationUnitTree> scanned = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element root : round.getRootElements()) {
            TreePath path = trees.getPath(root);
            if (path == null || !scanned.add(path.getCompilationUnit())) {
                continue;
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            try {
                new Scanner(unit, reporter).scan(unit, false);
            } catch (RuntimeException | StackOverflowError e) {
                reporter.error(Message.INTERNAL_ERROR, unit, unit, "the classes of " + root.getSimpleName(),
                        InternalErrors.describe(e));
            }
        }
    }

    /** Walks one file; the argument says whether classes declared at the current node are unreachable. */
    private static final class Scanner extends TreePathScanner<Void, Boolean> {
        private final CompilationUnitTree unit;
        private final ErrorReporter reporter;
        private final boolean imported;

        Scanner(CompilationUnitTree unit, ErrorReporter reporter) {
            this.unit = unit;
            this.reporter = reporter;
            this.imported = importsTheAnnotation(unit);
        }

        @Override
        public Void visitClass(ClassTree node, Boolean unreachable) {
            boolean anonymous = getCurrentPath().getParentPath().getLeaf() instanceof NewClassTree;
            if (unreachable || anonymous) {
                for (Tree member : node.getMembers()) {
                    if (member instanceof MethodTree method && isDifferentiable(method)) {
                        report(method, node, anonymous);
                    }
                }
            }
            return super.visitClass(node, unreachable || anonymous);
        }

        @Override
        public Void visitMethod(MethodTree node, Boolean unreachable) {
            // a class declared in the body is local
            scan(node.getModifiers(), unreachable);
            scan(node.getParameters(), unreachable);
            scan(node.getBody(), true);
            return null;
        }

        @Override
        public Void visitBlock(BlockTree node, Boolean unreachable) {
            return super.visitBlock(node, true); // initializer blocks; method bodies are already true
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Boolean unreachable) {
            return super.visitLambdaExpression(node, true);
        }

        private void report(MethodTree method, ClassTree owner, boolean anonymous) {
            reporter.error(Message.LOCAL_CLASS, method, unit, method.getName(), describe(owner, anonymous),
                    method.getName(), reachableOwner());
        }

        /** "an anonymous class", "the local record Point", "the class Inner, nested in a local or anonymous class". */
        private String describe(ClassTree owner, boolean anonymous) {
            if (anonymous) {
                return "an anonymous class";
            }
            String kind = owner.getKind().name().toLowerCase(Locale.ROOT).replace("annotation_type", "annotation");
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            return parent instanceof ClassTree
                    ? "the " + kind + " " + owner.getSimpleName() + ", nested in a local or anonymous class"
                    : "the local " + kind + " " + owner.getSimpleName();
        }

        /** The outermost class of the current path, whose members generated code can reach. */
        private String reachableOwner() {
            String name = "the enclosing top-level class";
            for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
                if (p.getLeaf() instanceof ClassTree c && p.getParentPath().getLeaf() instanceof CompilationUnitTree) {
                    name = c.getSimpleName().toString();
                }
            }
            return name;
        }

        private boolean isDifferentiable(MethodTree method) {
            return method.getModifiers().getAnnotations().stream()
                    .map(a -> a.getAnnotationType().toString())
                    .anyMatch(name -> name.equals(ANNOTATION) || imported && name.equals("Differentiable"));
        }

        private static boolean importsTheAnnotation(CompilationUnitTree unit) {
            if (unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE)) {
                return true;
            }
            for (ImportTree i : unit.getImports()) {
                String name = i.getQualifiedIdentifier().toString();
                if (!i.isStatic() && (name.equals(ANNOTATION) || name.equals(PACKAGE + ".*"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
