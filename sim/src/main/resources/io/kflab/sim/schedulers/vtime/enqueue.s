// void enqueue(struct task_struct *p, u64 enq_flags)
// Queue by vtime, but never more than one slice behind the vtime now (limits a sleeper's credit).
	r6 = *(u64 *)(r1 + 0)            // p
	r7 = *(u64 *)(r1 + 8)            // enq_flags
	r1 = 0
	*(u32 *)(r10 - 4) = r1
	r2 = r10
	r2 += -4
	r1 = %[vtime_now] ll
	call bpf_map_lookup_elem
	r4 = *(u64 *)(r6 + %[scx_dsq_vtime])
	if r0 == 0 goto insert
	r3 = *(u64 *)(r0 + 0)
	r2 = %[SCX_SLICE_DFL] ll
	r3 -= r2                         // vtime_now - slice
	if r4 s>= r3 goto insert
	r4 = r3
insert:
	r1 = r6
	r2 = 0                           // DSQ 0
	r3 = %[SCX_SLICE_DFL] ll
	r5 = r7
	call scx_bpf_dsq_insert_vtime
	r0 = 0
	exit
