package io.kflab.verifier.resolve;

/**
 * A lock held at a call site: the runqueue lock the kernel takes around rq-locked ops (kernel:
 * rq->__lock), the RCU read section every non-sleepable program runs in (__bpf_prog_enter), and a
 * bpf_spin_lock the program itself holds (verifier: env->cur_state->active_lock).
 */
public enum HeldLock { RQ_LOCK, RCU_READ_LOCK, BPF_SPIN_LOCK }
