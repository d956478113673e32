// tcp_congestion_ops.undo_cwnd(struct sock *sk): u32 — Reno's undo, by the kernel's tcp_reno_undo_cwnd kfunc.
	r1 = *(u64 *)(r1 + 0)
	call tcp_reno_undo_cwnd
	exit
