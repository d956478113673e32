/** The verifier's walk over a program (kernel: do_check, is_state_visited, check_mem_access, check_helper_call). */
package io.kflab.verifier.check;
