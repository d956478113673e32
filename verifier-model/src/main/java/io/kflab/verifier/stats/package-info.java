/**
 * Verification statistics, model next to kernel, as veristat reports them: verdict, verification
 * time, processed instructions, total and peak states — per program of a corpus (imported
 * selftests, generated programs).
 */
package io.kflab.verifier.stats;
