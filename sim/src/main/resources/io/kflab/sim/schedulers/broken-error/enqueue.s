// void enqueue(struct task_struct *p, u64 enq_flags): everything into the global FIFO
	r4 = *(u64 *)(r1 + 8)            // enq_flags
	r1 = *(u64 *)(r1 + 0)            // p
	r2 = %[SCX_DSQ_GLOBAL] ll
	r3 = %[SCX_SLICE_DFL] ll
	call scx_bpf_dsq_insert
	r0 = 0
	exit
