/** Tracing programs on the simulated kernel's sched tracepoints (tp_btf style), e.g. runqslower. */
package io.kflab.sim.trace;
