// void dispatch(s32 cpu, struct task_struct *prev): insert every remembered task at once
	r7 = 0
loop:
	*(u32 *)(r10 - 4) = r7
	r2 = r10
	r2 += -4
	r1 = %[held] ll
	call bpf_map_lookup_elem
	if r0 == 0 goto next
	r1 = *(u64 *)(r0 + 0)
	if r1 == 0 goto next
	r2 = 0
	*(u64 *)(r0 + 0) = r2
	r2 = %[SCX_DSQ_GLOBAL] ll
	r3 = %[SCX_SLICE_DFL] ll
	r4 = 0
	call scx_bpf_dsq_insert
next:
	r7 += 1
	if r7 < 4 goto loop
	r0 = 0
	exit
