// void enqueue(struct task_struct *p, u64 enq_flags): keeps the task and forgets it
	r0 = 0
	exit
