// tp_btf/sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next, unsigned int prev_state)
// A preempted prev waits again from now; for next, report the wait if it is at least min_us.
	r6 = *(u64 *)(r1 + 8)            // prev (0: idle)
	r7 = *(u64 *)(r1 + 16)           // next (0: idle)
	r8 = *(u64 *)(r1 + 24)           // prev_state
	if r6 == 0 goto next
	if r8 != 0 goto next             // only a still-runnable prev (TASK_RUNNING) waits
	r1 = *(u32 *)(r6 + %[task_pid])
	*(u32 *)(r10 - 4) = r1
	call bpf_ktime_get_ns
	*(u64 *)(r10 - 16) = r0
	r1 = %[start] ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 0
	call bpf_map_update_elem
next:
	if r7 == 0 goto out
	r1 = *(u32 *)(r7 + %[task_pid])
	*(u32 *)(r10 - 4) = r1
	r1 = %[start] ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r9 = *(u64 *)(r0 + 0)
	call bpf_ktime_get_ns
	r0 -= r9
	r0 /= 1000                       // delta in us
	if r0 < %[min_us] goto del
	*(u64 *)(r10 - 40) = r0          // event.delta_us
	r1 = *(u32 *)(r7 + %[task_pid])
	*(u64 *)(r10 - 48) = r1          // event.pid
	r1 = *(u64 *)(r7 + %[task_comm])
	*(u64 *)(r10 - 32) = r1          // event.task[0..7]
	r1 = *(u64 *)(r7 + %[task_comm_hi])
	*(u64 *)(r10 - 24) = r1          // event.task[8..15]
	r1 = %[events] ll
	r2 = r10
	r2 += -48
	r3 = 32
	r4 = 0
	call bpf_ringbuf_output
del:
	r1 = %[start] ll
	r2 = r10
	r2 += -4
	call bpf_map_delete_elem
out:
	r0 = 0
	exit
