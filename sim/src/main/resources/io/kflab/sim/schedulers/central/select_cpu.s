// s32 select_cpu(struct task_struct *p, s32 prev_cpu, u64 wake_flags)
// No decision here: the task stays on its previous CPU until the central CPU places it.
	r0 = *(u64 *)(r1 + 8)            // prev_cpu
	exit
