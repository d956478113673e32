// void enqueue(struct task_struct *p, u64 enq_flags)
// The task's address goes to the tail of a FIFO ring (central_ring, 256 slots, indexes in
// central_ctl: head at +0, tail at +8, the mask of CPUs waiting for work at +16); a full ring
// falls back to the global DSQ. Then the central CPU is kicked: preempted when some CPU waits
// for work (its dispatch places the task at once), else only woken if idle.
	r6 = *(u64 *)(r1 + 0)            // p
	r1 = 0
	*(u32 *)(r10 - 4) = r1
	r2 = r10
	r2 += -4
	r1 = %[central_ctl] ll
	call bpf_map_lookup_elem
	if r0 == 0 goto global
	r7 = r0                          // ctl
	r8 = *(u64 *)(r7 + 8)            // tail
	r1 = *(u64 *)(r7 + 0)            // head
	r2 = r8
	r2 -= r1
	if r2 >= 256 goto global         // the ring is full
	r1 = r8
	r1 &= 255
	*(u32 *)(r10 - 4) = r1
	r2 = r10
	r2 += -4
	r1 = %[central_ring] ll
	call bpf_map_lookup_elem
	if r0 == 0 goto global
	*(u64 *)(r0 + 0) = r6            // ring[tail % 256] = p
	r8 += 1
	*(u64 *)(r7 + 8) = r8            // tail++
	r2 = %[SCX_KICK_IDLE] ll
	r1 = *(u64 *)(r7 + 16)           // CPUs waiting for work
	if r1 == 0 goto kick
	r2 = %[SCX_KICK_PREEMPT] ll
kick:
	r1 = 0                           // the central CPU
	call scx_bpf_kick_cpu
	r0 = 0
	exit
global:
	r1 = r6
	r2 = %[SCX_DSQ_GLOBAL] ll
	r3 = %[SCX_SLICE_DFL] ll
	r4 = 0
	call scx_bpf_dsq_insert
	r0 = 0
	exit
