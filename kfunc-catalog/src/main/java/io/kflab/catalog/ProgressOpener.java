package io.kflab.catalog;

import io.kflab.bpf.diag.Progress;

/**
 * Opens a {@link Progress} bar once the amount of work is known ({@code Progress::start}, or
 * {@link #QUIET} for tests and pipes).
 */
@FunctionalInterface
public interface ProgressOpener {
    ProgressOpener QUIET = (task, total, unit) -> Progress.quiet();

    Progress open(String task, long total, String unit);
}
