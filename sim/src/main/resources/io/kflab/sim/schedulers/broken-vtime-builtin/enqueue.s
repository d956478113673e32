// void enqueue(struct task_struct *p, u64 enq_flags): vtime ordering on SCX_DSQ_GLOBAL is not allowed
	r5 = *(u64 *)(r1 + 8)
	r1 = *(u64 *)(r1 + 0)
	r2 = %[SCX_DSQ_GLOBAL] ll
	r3 = %[SCX_SLICE_DFL] ll
	r4 = 0
	call scx_bpf_dsq_insert_vtime
	r0 = 0
	exit
