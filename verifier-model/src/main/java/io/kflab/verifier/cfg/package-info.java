/**
 * The checks the kernel makes on a program's shape before it walks any path (kernel:
 * add_subprog_and_kfunc, check_subprogs, resolve_pseudo_ldimm64, check_cfg in kernel/bpf/verifier.c).
 */
package io.kflab.verifier.cfg;
