package io.matgrad.processor.parse;

import com.sun.source.tree.Tree;

/** Java's operators, for messages. */
final class Operators {
    private Operators() {}

    /** The operator of a binary, unary or compound assignment tree kind: {@code +} for PLUS_ASSIGNMENT. */
    static String symbol(Tree.Kind kind) {
        return switch (kind) {
            case PLUS, PLUS_ASSIGNMENT, UNARY_PLUS -> "+";
            case MINUS, MINUS_ASSIGNMENT, UNARY_MINUS -> "-";
            case MULTIPLY, MULTIPLY_ASSIGNMENT -> "*";
            case DIVIDE, DIVIDE_ASSIGNMENT -> "/";
            case REMAINDER, REMAINDER_ASSIGNMENT -> "%";
            case LEFT_SHIFT, LEFT_SHIFT_ASSIGNMENT -> "<<";
            case RIGHT_SHIFT, RIGHT_SHIFT_ASSIGNMENT -> ">>";
            case UNSIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> ">>>";
            case AND, AND_ASSIGNMENT -> "&";
            case OR, OR_ASSIGNMENT -> "|";
            case XOR, XOR_ASSIGNMENT -> "^";
            case BITWISE_COMPLEMENT -> "~";
            default -> kind.toString();
        };
    }

    /** What Java computes for {@code a op b} in the narrow number type {@code kind}, in words. */
    static String narrowResult(Tree.Kind op, Kind kind, double a, double b) {
        return switch (kind) {
            case INT -> {
                int x = (int) a;
                int y = (int) b;
                yield op == Tree.Kind.DIVIDE && y == 0 ? "an ArithmeticException" : Integer.toString(switch (op) {
                    case PLUS -> x + y;
                    case MINUS -> x - y;
                    case MULTIPLY -> x * y;
                    default -> x / y;
                });
            }
            case LONG -> {
                long x = (long) a;
                long y = (long) b;
                yield op == Tree.Kind.DIVIDE && y == 0 ? "an ArithmeticException" : Long.toString(switch (op) {
                    case PLUS -> x + y;
                    case MINUS -> x - y;
                    case MULTIPLY -> x * y;
                    default -> x / y;
                });
            }
            default -> {
                float x = (float) a;
                float y = (float) b;
                float r = switch (op) {
                    case PLUS -> x + y;
                    case MINUS -> x - y;
                    case MULTIPLY -> x * y;
                    default -> x / y;
                };
                double exact = doubleResult(op, a, b);
                yield r == exact ? Float.toString(r) : (double) r + " rather than " + exact;
            }
        };
    }

    private static double doubleResult(Tree.Kind op, double a, double b) {
        return switch (op) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case MULTIPLY -> a * b;
            default -> a / b;
        };
    }

    /** {@code v} as a double literal: {@code 1.0}, {@code 0.5}. */
    static String doubleLiteral(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (long) v + ".0" : Double.toString(v);
    }
}
