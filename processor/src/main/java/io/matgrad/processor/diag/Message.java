package io.matgrad.processor.diag;

import io.matgrad.processor.lang.Language;
import java.util.Locale;

/**
 * Every diagnostic matgrad emits. Each has a stable bracketed id, so that users can search for it
 * and tests can assert on it, and a format that says what is not allowed and what to write instead.
 *
 * <p>Rendered as {@code "[MatgradLoop] loops are not differentiable: ..."}.
 */
public enum Message {

    // The method's signature and annotation.

    NOT_STATIC("MatgradNotStatic",
            "@Differentiable method %s must be static: the generated gradient methods are static and call"
                    + " it with its parameters only; add the static modifier"),
    NO_BODY("MatgradNoBody",
            "@Differentiable method %s has no body: matgrad differentiates the formula in the body;"
                    + " write the formula as the body of a static method"),
    TYPE_PARAMETERS("MatgradTypeParameters",
            "@Differentiable method %s declares type parameters %s: a differentiable formula works on"
                    + " DMatrixRMaj and double only; remove the type parameters"),
    NO_PARAMETERS("MatgradNoParameters",
            "@Differentiable method %s has no parameters, so there is nothing to differentiate with"
                    + " respect to; add the DMatrixRMaj or double inputs as parameters"),
    PARAMETER_TYPE("MatgradParameterType",
            "parameter %s has type %s: the parameters of a @Differentiable method are DMatrixRMaj or"
                    + " double; %s"),
    RETURN_TYPE("MatgradReturnType",
            "@Differentiable method %s returns %s: it must return double (a scalar function, for"
                    + " gradients) or DMatrixRMaj (an m x 1 vector function, for Jacobians); %s"),
    UNKNOWN_WRT("MatgradUnknownWrt",
            "wrt names \"%s\", which is not a parameter of %s: wrt lists parameter names, here %s%s"),
    DUPLICATE_WRT("MatgradDuplicateWrt",
            "wrt names \"%s\" twice; list each parameter once"),
    AMBIGUOUS_WRT("MatgradAmbiguousWrt",
            "wrt names \"%s\" and \"%s\", whose derivatives would both be %sGrad%s; rename one of the parameters"),
    CONSTANT_IN_WRT("MatgradConstantInWrt",
            "%s does not depend on %s, so its derivatives with respect to %s are zero everywhere; check that"
                    + " the formula uses it, or remove it from wrt"),
    HESSIAN_OF_VECTOR_FUNCTION("MatgradHessianOfVectorFunction",
            "hessian = true asks for Hessians, which exist for double-valued functions only, but %s"
                    + " returns DMatrixRMaj; remove hessian = true (the Jacobian is generated for a"
                    + " vector function), or return a double"),
    GENERATED_METHOD_CLASH("MatgradGeneratedMethodClash",
            "%s would generate %s, which %s generates too, and one class cannot hold two methods of one"
                    + " signature; rename one of the two methods, or change its wrt or its parameters so that"
                    + " their generated methods differ"),
    LOCAL_CLASS("MatgradLocalClass",
            "@Differentiable method %s is in %s, which no code outside its declaration can name, so"
                    + " matgrad generates nothing for it; move %s to a top-level class, or to a static nested"
                    + " class, record, enum or interface of %s"),
    MISSING_RUNTIME("MatgradMissingRuntime",
            "%s is not on the classpath: @Differentiable methods are written with"
                    + " io.matgrad.runtime.MatrixOps on EJML's DMatrixRMaj, and the generated code calls"
                    + " them; add the io.matgrad:matgrad-runtime dependency (it brings EJML)"),

    // Statements.

    UNSUPPORTED_LOOP("MatgradLoop",
            "loops are not differentiable: a @Differentiable body is straight-line code (local"
                    + " declarations, then return); write the loop's result with matrix operations,"
                    + " e.g. mult or sum"),
    UNSUPPORTED_BRANCH("MatgradBranch",
            "%s statements are not differentiable: a @Differentiable body is straight-line code (local"
                    + " declarations, then return); write one @Differentiable method per case, or a"
                    + " smooth formula such as sigmoid or softplus"),
    UNSUPPORTED_TRY("MatgradTry",
            "try statements are not allowed: a @Differentiable body is straight-line code (local"
                    + " declarations, then return); let exceptions reach the caller and remove the try"),
    UNSUPPORTED_THROW("MatgradThrow",
            "throw statements are not allowed: a @Differentiable body is straight-line code (local"
                    + " declarations, then return); check arguments in the caller (the generated methods"
                    + " check dimensions themselves)"),
    UNSUPPORTED_SYNCHRONIZED("MatgradSynchronized",
            "synchronized is not allowed: a @Differentiable function has no shared state to guard;"
                    + " remove the synchronized block and keep its declarations"),
    UNSUPPORTED_BLOCK("MatgradBlock",
            "nested blocks are not allowed: a @Differentiable body is straight-line code (local"
                    + " declarations, then return); move the block's declarations into the method body"),
    UNSUPPORTED_STATEMENT("MatgradStatement",
            "%s is not allowed: a @Differentiable body is straight-line code (local declarations,"
                    + " then return); %s"),
    LOCAL_WITHOUT_INITIALIZER("MatgradUninitializedLocal",
            "local %s is declared without a value: each local is assigned once, where it is declared;"
                    + " write %s %s = <expression>;"),
    LOCAL_TYPE("MatgradLocalType",
            "local %s has type %s: the locals of a @Differentiable body are DMatrixRMaj or double; %s"),
    ASSIGNMENT("MatgradAssignment",
            "%s assigns to %s: a @Differentiable body never modifies parameters, fields or matrices;"
                    + " compute the new value into a new local instead, e.g. %s"),
    REASSIGNED_LOCAL("MatgradReassignedLocal",
            "%s assigns local %s a second time: each local is assigned once, where it is declared;"
                    + " declare a new local instead, e.g. %s"),

    // Expressions.

    UNSUPPORTED_CONDITIONAL("MatgradConditional",
            "the conditional operator ?: is not differentiable: it picks a value by a comparison;"
                    + " write one @Differentiable method per case, or a smooth formula such as sigmoid"
                    + " or softplus"),
    UNSUPPORTED_LAMBDA("MatgradLambda",
            "lambdas and method references are not differentiable: write the formula inline, with"
                    + " the elementwise MatrixOps functions ({ELEMENTWISE}) for functions of every entry"),
    UNSUPPORTED_NEW("MatgradNew",
            "new is not allowed: a @Differentiable function creates no objects of its own; compute"
                    + " matrices with MatrixOps functions (mult, add, transpose, ...), which return new"
                    + " matrices, and pass any constant matrix as a parameter"),
    MATRIX_METHOD_CALL("MatgradMatrixMethod",
            "%s calls a method of DMatrixRMaj: a @Differentiable body uses matrices only as arguments"
                    + " of MatrixOps functions; %s"),
    FIELD_READ("MatgradFieldRead",
            "%s reads a field: a @Differentiable function depends only on its parameters and on"
                    + " compile-time constants (static final fields with constant values); %s"),
    UNSUPPORTED_CALL("MatgradUnsupportedCall",
            "%s calls %s, which matgrad cannot differentiate: a @Differentiable body calls only"
                    + " io.matgrad.runtime.MatrixOps functions, {MATH}, and @Differentiable methods of this"
                    + " compilation; %s"),
    UNSUPPORTED_MATRIX_OPS("MatgradUnsupportedMatrixOps",
            "MatrixOps.%s is not known to this matgrad processor: matgrad-runtime is probably newer"
                    + " than matgrad-processor; use one matgrad version for both"),
    UNSUPPORTED_MATH_FUNCTION("MatgradMathFunction",
            "Math.%s is not differentiable here: a @Differentiable body calls {MATH} on doubles, and"
                    + " MatrixOps functions on matrices%s"),
    MATH_RANDOM("MatgradRandom",
            "Math.random() is not a function of the inputs: a @Differentiable function's value depends"
                    + " only on its parameters; draw the random number in the caller and pass it as a"
                    + " double parameter"),
    RECURSIVE_CALL("MatgradRecursion",
            "%s makes %s recursive (%s): matgrad differentiates through a call of a @Differentiable"
                    + " method by putting the called method's formula in place of the call, which never ends"
                    + " for a method that calls itself, directly or through others; write the formula"
                    + " without the cycle"),
    CALLEE_ERROR("MatgradCalleeError",
            "%s calls %s, which has errors of its own (reported there); once they are fixed, matgrad"
                    + " differentiates through the call"),
    CALLEE_WITHOUT_SOURCE("MatgradCalleeWithoutSource",
            "%s calls %s, a @Differentiable method of a class compiled earlier (from a jar, another"
                    + " module or an earlier compilation), whose formula matgrad cannot read: it differentiates"
                    + " through a call by reading the called method's source; declare %s in this"
                    + " compilation (copy it into a class compiled with this one), or inline its formula here"),
    INTEGER_ARITHMETIC("MatgradIntegerArithmetic",
            "%s is computed by Java in %s arithmetic, giving %s, before it becomes a double; write"
                    + " double literals instead, e.g. %s"),
    UNSUPPORTED_OPERATOR("MatgradOperator",
            "the operator %s is not differentiable: on doubles a @Differentiable expression uses"
                    + " + - * / and unary -, on matrices the MatrixOps functions (add, sub, mult,"
                    + " elementMult, elementDiv, ...)"),
    UNSUPPORTED_CAST("MatgradCast",
            "casts are not allowed: a @Differentiable expression computes with doubles and"
                    + " DMatrixRMaj only; remove the cast, and write a double literal (2.0, not 2)"
                    + " where a double is meant"),
    UNSUPPORTED_ARRAY_ACCESS("MatgradArrayAccess",
            "array access is not allowed: a @Differentiable function works on whole matrices; pass"
                    + " each value as its own DMatrixRMaj or double parameter"),
    UNSUPPORTED_INSTANCEOF("MatgradInstanceof",
            "instanceof is not allowed: the values of a @Differentiable function are DMatrixRMaj or"
                    + " double, known at compile time; remove the test"),
    UNSUPPORTED_LITERAL("MatgradLiteral",
            "%s literals are not allowed: a @Differentiable expression computes with numbers; write a"
                    + " number such as 2.0"),
    UNSUPPORTED_EXPRESSION("MatgradExpression",
            "%s is not allowed in a @Differentiable expression, which is built from parameters,"
                    + " locals, numbers, + - * / on doubles, {MATH} and MatrixOps"
                    + " functions; rewrite it with those"),
    ARGUMENTS("MatgradArguments",
            "%s needs %s"),
    SHAPE_UNDECIDED("MatgradShapeUndecided",
            "%s needs %s == %s%s, which matgrad cannot decide at compile time (a dimension"
                    + " computed by concatRows, concatColumns or kron against another); declare the sizes with"
                    + " @Shape(\"3 x 2\"), or rewrite the formula so that both sides are the same expression"),
    SHAPE_MISMATCH("MatgradShapeMismatch",
            "%s needs %s == %s, but %s; %s"),

    // @Shape declarations.

    SHAPE_SYNTAX("MatgradShapeSyntax",
            "@Shape(\"%s\") on %s is not a shape: %s; write \"rows x cols\", each a positive number or a"
                    + " name, e.g. @Shape(\"n x 1\")"),
    SHAPE_OF_DOUBLE("MatgradShapeOfDouble",
            "@Shape on %s, a double: only DMatrixRMaj parameters have shapes; remove the annotation"),
    SHAPE_IGNORED("MatgradShapeIgnored",
            "@Shape on parameter %s of %s has no effect: matgrad reads @Shape on parameters of"
                    + " @Differentiable methods only; annotate %s with @Differentiable, or remove @Shape"),

    // The environment and matgrad itself.

    NO_TREES("MatgradNoTrees",
            "matgrad reads @Differentiable method bodies through javac's Compiler Tree API"
                    + " (com.sun.source), which this compiler (e.g. ECJ, Eclipse's compiler) does not"
                    + " offer; compile with javac, e.g. let Maven or Gradle run the build"),
    WRITE_FAILED("MatgradWriteFailed",
            "could not write %s: %s; check that no other processor or source file declares that class,"
                    + " and that the build can write its generated-sources directory"),
    TESTS_NEED_JUNIT("MatgradTestsNeedJUnit",
            "-A%s=true generates JUnit 5 tests, but JUnit Jupiter is not on the classpath of this compilation;"
                    + " set the option on the test compilation (where the @Differentiable methods are test sources),"
                    + " or check derivatives from your own tests with io.matgrad.runtime.GradientCheck"),
    SOURCE_VERSION("MatgradSourceVersion",
            "this compilation is for Java %s (--release %s or -source %s), but matgrad-runtime, which the"
                    + " @Differentiable methods and the generated code call, is compiled for Java 17: what is"
                    + " compiled here fails with UnsupportedClassVersionError on a JVM older than 17; compile"
                    + " with --release 17 or later (in Maven, <release>17</release> or the property"
                    + " maven.compiler.release)"),
    BAD_OPTION("MatgradBadOption",
            "-A%s=%s is not an option matgrad knows; write %s"),
    INTERNAL_ERROR("MatgradInternalError",
            "internal error in matgrad while differentiating %s: %s; please report it");

    private final String id;
    private final String format;

    /**
     * @param format the message; {@code {MATH}} and {@code {ELEMENTWISE}} stand for the language's
     *     Math functions and elementwise MatrixOps functions, as the language's table lists them
     */
    Message(String id, String format) {
        this.id = id;
        this.format = format.replace("{MATH}", Language.mathFunctions())
                .replace("{ELEMENTWISE}", Language.elementwiseFunctions());
    }

    /** The stable id, such as {@code MatgradLoop}. */
    public String id() {
        return id;
    }

    /** The id in brackets, as messages start: {@code [MatgradLoop]}. */
    public String tag() {
        return "[" + id + "]";
    }

    /** The format string, without the tag. */
    public String format() {
        return format;
    }

    /** The full message: the tag, then the format applied to {@code args}. */
    public String render(Object... args) {
        return tag() + " " + String.format(Locale.ROOT, format, args);
    }
}
