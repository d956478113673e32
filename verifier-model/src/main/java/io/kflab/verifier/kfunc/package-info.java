/** Kernel functions and kernel objects as the verifier sees them: kfunc metadata from the running kernel's BTF and the kfunc catalog, and field access through BTF. */
package io.kflab.verifier.kfunc;
