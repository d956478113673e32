/**
 * Registration scenarios run on the model kernel and on the running kernel, step by step
 * ({@link io.kflab.verifier.structops.diff.ScenarioRunner}), with the matrix of cases
 * ({@link io.kflab.verifier.structops.diff.ScenarioMatrix}) and the agreement report.
 */
package io.kflab.verifier.structops.diff;
