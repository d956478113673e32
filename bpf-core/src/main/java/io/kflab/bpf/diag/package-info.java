/** Diagnostics shared by every module: bad user input (exit 2) and missing capabilities (exit 3). */
package io.kflab.bpf.diag;
