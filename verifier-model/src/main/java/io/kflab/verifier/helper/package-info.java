/** Helper prototypes (kernel: struct bpf_func_proto, check_helper_call). */
package io.kflab.verifier.helper;
