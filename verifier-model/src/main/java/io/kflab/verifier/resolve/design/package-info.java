/**
 * The eight designs for context-dependent kfuncs (kfunc-designs (a)-(h)) as strategies: each decides,
 * for a kfunc called from a calling context of a subsystem, whether the verifier accepts the call,
 * which kfunc it ends up calling, and whether the kfunc's run-time check fails.
 */
package io.kflab.verifier.resolve.design;
