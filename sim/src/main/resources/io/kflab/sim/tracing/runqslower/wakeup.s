// tp_btf/sched_wakeup and tp_btf/sched_wakeup_new (struct task_struct *p): remember when p became runnable
	r6 = *(u64 *)(r1 + 0)
	r1 = *(u32 *)(r6 + %[task_pid])
	*(u32 *)(r10 - 4) = r1
	call bpf_ktime_get_ns
	*(u64 *)(r10 - 16) = r0
	r1 = %[start] ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 0                           // BPF_ANY
	call bpf_map_update_elem
	r0 = 0
	exit
