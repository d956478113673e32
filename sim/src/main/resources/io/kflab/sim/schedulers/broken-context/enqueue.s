// void enqueue(struct task_struct *p, u64 enq_flags): inserts, then moves from the wrong context
	r4 = *(u64 *)(r1 + 8)
	r1 = *(u64 *)(r1 + 0)
	r2 = %[SCX_DSQ_GLOBAL] ll
	r3 = %[SCX_SLICE_DFL] ll
	call scx_bpf_dsq_insert
	r1 = %[SCX_DSQ_GLOBAL] ll
	call scx_bpf_dsq_move_to_local   // only allowed from ops.dispatch
	r0 = 0
	exit
