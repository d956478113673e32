// void enqueue(struct task_struct *p, u64 enq_flags): remember p in slot pid % 4
	r6 = *(u64 *)(r1 + 0)
	r1 = *(u32 *)(r6 + %[task_pid])
	r1 &= 3
	*(u32 *)(r10 - 4) = r1
	r2 = r10
	r2 += -4
	r1 = %[held] ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	*(u64 *)(r0 + 0) = r6
out:
	r0 = 0
	exit
