// s32 init(void): the shared DSQ 0
	r1 = 0                           // dsq id
	r2 = -1                          // any NUMA node
	call scx_bpf_create_dsq
	exit
