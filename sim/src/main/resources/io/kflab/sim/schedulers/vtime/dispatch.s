// void dispatch(s32 cpu, struct task_struct *prev): the lowest vtime to this CPU
	r1 = 0
	call scx_bpf_dsq_move_to_local
	r0 = 0
	exit
