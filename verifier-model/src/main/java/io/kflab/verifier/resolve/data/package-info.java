/** Where subsystems come from: kflab's data file (sched_ext, bpf_qdisc) and design files in the catalog DSL. */
package io.kflab.verifier.resolve.data;
