/** Rewriting a program's kfunc calls to the kfuncs a design resolves them to (the verifier's one-time call rewrite). */
package io.kflab.verifier.resolve.rewrite;
