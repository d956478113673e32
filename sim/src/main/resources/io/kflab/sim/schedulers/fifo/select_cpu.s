// s32 select_cpu(struct task_struct *p, s32 prev_cpu, u64 wake_flags)
// The default idle-CPU pick; when the CPU is idle the task goes straight to its local DSQ.
	r6 = *(u64 *)(r1 + 0)            // p
	r2 = *(u64 *)(r1 + 8)            // prev_cpu
	r3 = *(u64 *)(r1 + 16)           // wake_flags
	r7 = 0
	*(u64 *)(r10 - 8) = r7           // bool is_idle
	r1 = r6
	r4 = r10
	r4 += -8
	call scx_bpf_select_cpu_dfl
	r7 = r0
	r1 = *(u8 *)(r10 - 8)
	if r1 == 0 goto out
	r1 = r6
	r2 = %[SCX_DSQ_LOCAL] ll
	r3 = %[SCX_SLICE_DFL] ll
	r4 = 0
	call scx_bpf_dsq_insert
out:
	r0 = r7
	exit
