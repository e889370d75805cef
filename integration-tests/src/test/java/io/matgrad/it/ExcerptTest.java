package io.matgrad.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How README excerpts are compared with generated code: by text, layout aside, {@code ...} eliding. */
class ExcerptTest {
    private static final String GENERATED = """
                /**
                 * The gradient of {@link Models#f}.
                 *
                 * <pre>
                 * ∂f/∂x = 2 Aᵀr
                 * </pre>
                 */
                public static DMatrixRMaj fGradX(DMatrixRMaj A,
                        DMatrixRMaj x) {
                    Arguments.requireDistinct(gradX, A, "f", "gradX", "A");
                    Arguments.requireDistinct(gradX, x, "f", "gradX", "x");
                    CommonOps_DDRM.multTransA(A, r, gradX);
                    CommonOps_DDRM.scale(2.0, gradX);
                    return gradX;
                }
            """;

    @Test
    void layoutDoesNotCount() {
        Excerpt excerpt = new Excerpt("""
                /** The gradient of {@link Models#f}. <pre> ∂f/∂x = 2 Aᵀr </pre> */
                public static DMatrixRMaj fGradX(DMatrixRMaj A, DMatrixRMaj x) {
                """);
        assertEquals(Optional.empty(), excerpt.firstMismatch(GENERATED));
    }

    @Test
    void anElisionSkipsLinesAndPartsOfLines() {
        Excerpt excerpt = new Excerpt("""
                /** The gradient of ... */
                public static DMatrixRMaj fGradX(DMatrixRMaj A, DMatrixRMaj x) {
                    Arguments.requireDistinct(gradX, A, "f", "gradX", "A");
                    ...
                    CommonOps_DDRM.multTransA(A, r, gradX);
                """);
        assertEquals(Optional.empty(), excerpt.firstMismatch(GENERATED));
        assertEquals(3, excerpt.pieces());
    }

    /** The README's old claim: the factor 2 in EJML's alpha. */
    @Test
    void aDifferentCallIsAMismatch() {
        Excerpt excerpt = new Excerpt("""
                Arguments.requireDistinct(gradX, A, "f", "gradX", "A");
                ...
                CommonOps_DDRM.multTransA(2.0, A, r, gradX);
                return gradX;
                """);
        assertEquals(Optional.of("CommonOps_DDRM.multTransA(2.0, A, r, gradX); return gradX;"), excerpt.firstMismatch(GENERATED));
    }

    /** Leaving a line out without saying so is a mismatch too. */
    @Test
    void aSilentGapIsAMismatch() {
        Excerpt excerpt = new Excerpt("""
                Arguments.requireDistinct(gradX, A, "f", "gradX", "A");
                CommonOps_DDRM.multTransA(A, r, gradX);
                """);
        assertTrue(excerpt.firstMismatch(GENERATED).isPresent());
    }

    @Test
    void piecesMustComeInOrder() {
        Excerpt excerpt = new Excerpt("""
                CommonOps_DDRM.scale(2.0, gradX);
                ...
                CommonOps_DDRM.multTransA(A, r, gradX);
                """);
        assertEquals(Optional.of("CommonOps_DDRM.multTransA(A, r, gradX);"), excerpt.firstMismatch(GENERATED));
    }

    @Test
    void readmeMarkersNameTheBlockBelowThem() {
        Readme readme = Readme.parse("""
                Some text.

                <!-- readme-test: source Models.java (a comment) -->
                ```java
                class Models {}
                ```

                <!-- readme-test: generated ModelsGradients.java -->
                ```java
                class ModelsGradients {}
                ```
                """);
        assertEquals("class Models {}\n", readme.text("source", "Models.java"));
        assertEquals(1, readme.all("generated").size());
        assertEquals("ModelsGradients.java", readme.all("generated").get(0).name());
    }
}
