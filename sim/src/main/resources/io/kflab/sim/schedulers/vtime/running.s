// void running(struct task_struct *p): vtime_now follows the running tasks
	r6 = *(u64 *)(r1 + 0)
	r1 = 0
	*(u32 *)(r10 - 4) = r1
	r2 = r10
	r2 += -4
	r1 = %[vtime_now] ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r6 + %[scx_dsq_vtime])
	r2 = *(u64 *)(r0 + 0)
	if r1 s<= r2 goto out
	*(u64 *)(r0 + 0) = r1
out:
	r0 = 0
	exit
