/**
 * Runnable examples of {@code matgrad-spark}, shipped in its jar so that {@code spark-submit} can run
 * them on a cluster as they are: {@link io.matgrad.spark.examples.LogisticRegressionExample}, a fit
 * with per-iteration progress, and {@link io.matgrad.spark.examples.ScaleHarness}, which measures the
 * time of an evaluation against the data size, Spark masters and the single-machine workspace. Their
 * model, {@link io.matgrad.spark.examples.LogisticModel}, is differentiated by matgrad when the module
 * compiles. Nothing in {@code io.matgrad.spark} depends on this package.
 */
package io.matgrad.spark.examples;
