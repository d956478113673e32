// tcp_congestion_ops.ssthresh(struct sock *sk): u32 — Reno's threshold, by the kernel's tcp_reno_ssthresh kfunc.
// ctx is the u64 argument array: sk at ctx+0.
	r1 = *(u64 *)(r1 + 0)
	call tcp_reno_ssthresh
	exit
