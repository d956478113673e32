// void tick(struct task_struct *p): scx_bpf_error("bail") once 100 ms have passed
	call scx_bpf_now
	r1 = 100000000
	if r0 < r1 goto out
	r1 = 0x6c696162                  // "bail"
	*(u32 *)(r10 - 8) = r1
	r1 = 0
	*(u32 *)(r10 - 4) = r1
	r1 = r10
	r1 += -8
	call scx_bpf_error
out:
	r0 = 0
	exit
