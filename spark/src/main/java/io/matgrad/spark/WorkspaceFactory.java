package io.matgrad.spark;

import java.io.Serializable;

/**
 * Makes the workspace a {@link BlockValueAndGradient} computes with, on the executor: generated
 * workspaces are not serializable, and must not be shared between the threads of an executor, so
 * each task makes its own. Usually the generated workspace's constructor,
 * {@code ModelsGradients.LogisticWorkspace::new}; {@code () -> null} for a function that needs none.
 */
@FunctionalInterface
public interface WorkspaceFactory<W> extends Serializable {

    W create();
}
