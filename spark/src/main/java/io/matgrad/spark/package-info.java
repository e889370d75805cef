/**
 * Objectives whose data lives in Apache Spark: {@link io.matgrad.spark.DistributedObjective} evaluates
 * a sum over row blocks of an RDD with a generated value-and-gradient, on the executors, and hands the
 * total to the solver adapters of {@code matgrad-solvers} on the driver, as a
 * {@link io.matgrad.solvers.ValueAndGradient}.
 *
 * <p>What a block computes is one lambda, {@link io.matgrad.spark.BlockValueAndGradient}, usually a
 * generated workspace's {@code valueAndGrad}; the workspace is made on the executor by a
 * {@link io.matgrad.spark.WorkspaceFactory}, one per task. Spark ({@code spark-core}, Scala 2.12,
 * 3.5) is a provided dependency; on Java 17 a JVM that runs Spark in-process needs Spark's
 * {@code --add-opens} options (see the README; {@code spark-submit} adds them itself).
 *
 * <p>{@link io.matgrad.spark.examples} is a runnable example (logistic regression on synthetic data)
 * and the harness that measures how an evaluation scales.
 */
package io.matgrad.spark;
