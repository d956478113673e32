// void dispatch(s32 cpu, struct task_struct *prev): never dispatches
	r0 = 0
	exit
