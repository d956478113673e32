// void dispatch(s32 cpu, struct task_struct *prev)
// CPU 0 is the central CPU: it pops the ring's tasks into the local DSQ of every CPU whose local
// DSQ is empty (CPUs 1..n-1 first, then itself), counts them per target CPU in
// central_dispatched and kicks the targets. Any other CPU only marks itself as waiting for work
// and, when the ring holds tasks, preempts the central CPU so that it decides.
	r6 = *(u64 *)(r1 + 0)            // cpu
	r1 = 0
	*(u32 *)(r10 - 4) = r1
	r2 = r10
	r2 += -4
	r1 = %[central_ctl] ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r7 = r0                          // ctl: head, tail, waiting mask
	if r6 == 0 goto central
	r1 = r6
	r1 &= 63
	r2 = 1
	r2 <<= r1
	lock *(u64 *)(r7 + 16) |= r2     // this CPU waits for work
	r1 = *(u64 *)(r7 + 8)
	r2 = *(u64 *)(r7 + 0)
	if r1 == r2 goto out             // nothing queued: the next enqueue kicks the central CPU
	r1 = 0
	r2 = %[SCX_KICK_PREEMPT] ll
	call scx_bpf_kick_cpu
	goto out
central:
	call scx_bpf_nr_cpu_ids
	r8 = r0                          // nr_cpu_ids
	r9 = 1                           // step: CPUs 1..n-1, then CPU 0 (step n)
loop:
	if r9 > r8 goto out
	r6 = r9
	if r6 < r8 goto have_cpu
	r6 = 0
have_cpu:
	r9 += 1
	r1 = %[SCX_DSQ_LOCAL_ON] ll
	r1 |= r6
	call scx_bpf_dsq_nr_queued
	if r0 != 0 goto loop             // a task already waits there
	call scx_bpf_dispatch_nr_slots
	if r0 == 0 goto out
	r1 = *(u64 *)(r7 + 0)            // head
	r2 = *(u64 *)(r7 + 8)            // tail
	if r1 == r2 goto out             // the ring is empty
	r2 = r1
	r2 += 1
	*(u64 *)(r7 + 0) = r2            // head++
	r1 &= 255
	*(u32 *)(r10 - 4) = r1
	r2 = r10
	r2 += -4
	r1 = %[central_ring] ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)            // p = ring[head % 256]
	r2 = %[SCX_DSQ_LOCAL_ON] ll
	r2 |= r6
	r3 = %[SCX_SLICE_DFL] ll
	r4 = 0
	call scx_bpf_dsq_insert
	*(u32 *)(r10 - 4) = r6
	r2 = r10
	r2 += -4
	r1 = %[central_dispatched] ll
	call bpf_map_lookup_elem
	if r0 == 0 goto served
	r1 = 1
	lock *(u64 *)(r0 + 0) += r1      // central_dispatched[cpu]++
served:
	r1 = r6
	r1 &= 63
	r2 = 1
	r2 <<= r1
	r2 ^= -1
	lock *(u64 *)(r7 + 16) &= r2     // no longer waiting
	if r6 == 0 goto loop
	r1 = r6
	r2 = %[SCX_KICK_IDLE] ll
	call scx_bpf_kick_cpu
	goto loop
out:
	r0 = 0
	exit
