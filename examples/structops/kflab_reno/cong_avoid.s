// tcp_congestion_ops.cong_avoid(struct sock *sk, u32 ack, u32 acked): void — Reno's window growth
// (slow start, then additive increase) by the kernel's tcp_reno_cong_avoid kfunc.
	r3 = *(u64 *)(r1 + 16)
	r2 = *(u64 *)(r1 + 8)
	r1 = *(u64 *)(r1 + 0)
	call tcp_reno_cong_avoid
	exit
