// void stopping(struct task_struct *p, bool runnable): charge the used slice, scaled by weight
	r6 = *(u64 *)(r1 + 0)
	r1 = %[SCX_SLICE_DFL] ll
	r2 = *(u64 *)(r6 + %[scx_slice])
	r1 -= r2                         // time used
	r1 *= 100
	r3 = *(u32 *)(r6 + %[scx_weight])
	if r3 != 0 goto div
	r3 = 100
div:
	r1 /= r3
	r2 = *(u64 *)(r6 + %[scx_dsq_vtime])
	r2 += r1
	*(u64 *)(r6 + %[scx_dsq_vtime]) = r2
	r0 = 0
	exit
