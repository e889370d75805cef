package io.matgrad.sample.solve;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A solver's progress: the loss after each iteration, recorded, and printed every k-th iteration
 * (and the last) with its change and a column of the solver's own. A silent progress records
 * nothing and never evaluates the loss, so that timed runs pay only for the solver.
 */
public final class Progress {
    private final boolean recording;
    private final PrintStream out;
    private final int every;
    private final List<Double> losses = new ArrayList<>();
    private int lastPrinted = -1;
    private int lastIteration = -1;
    private String lastLine;

    private Progress(boolean recording, PrintStream out, int every) {
        this.recording = recording;
        this.out = out;
        this.every = every;
    }

    /** Records nothing: for timed runs. */
    public static Progress silent() {
        return new Progress(false, new PrintStream(OutputStream.nullOutputStream()), 1);
    }

    /** Records every iteration's loss and prints nothing: for runs shown only in a summary. */
    public static Progress recording() {
        return new Progress(true, new PrintStream(OutputStream.nullOutputStream()), 1);
    }

    /** Records every iteration and prints every {@code every}-th, and the last. */
    public static Progress printing(PrintStream out, int every) {
        return new Progress(true, out, every);
    }

    /** Prints the solver's name and the column headings; {@code detail} heads the solver's own column. */
    public void start(String solver, String detail) {
        out.printf("    %s%n", solver);
        out.println(String.format("      %4s  %-20s %-10s  %s", "iter", "loss", "change", detail).stripTrailing());
    }

    /**
     * Iteration {@code k} (0 for the start) ended at {@code loss}; {@code detail} is the solver's
     * own column. Neither is evaluated unless recording.
     */
    public void iteration(int k, DoubleSupplier loss, Supplier<String> detail) {
        if (!recording) {
            return;
        }
        double value = loss.getAsDouble();
        String change = losses.isEmpty() ? "" : String.format("%10.3e", value - losses.get(losses.size() - 1));
        losses.add(value);
        lastIteration = k;
        lastLine = String.format("      %4d  %-20.14g %-10s  %s", k, value, change, detail.get()).stripTrailing();
        if (k % every == 0) {
            out.println(lastLine);
            lastPrinted = k;
        }
    }

    /** As {@link #iteration(int, DoubleSupplier, Supplier)}, for a loss the solver has at hand. */
    public void iteration(int k, double loss, Supplier<String> detail) {
        iteration(k, () -> loss, detail);
    }

    /** The run is over: prints its last iteration if {@link #iteration} did not, and the outcome. */
    public void finish(String outcome) {
        if (recording && lastIteration != lastPrinted) {
            out.println(lastLine);
        }
        out.printf("      %s%n%n", outcome);
    }

    /** The recorded losses, from the start (iteration 0) to the last iteration. Empty when silent. */
    public double[] losses() {
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
