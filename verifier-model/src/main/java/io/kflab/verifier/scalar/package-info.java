/**
 * The verifier's scalar domain as of Linux 6.18: bounds and tnum of a scalar register, the ALU
 * transfer functions and branch refinement, printed as the verifier log prints them.
 */
package io.kflab.verifier.scalar;
