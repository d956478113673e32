// A tc (sched_cls) program that counts frames per IP protocol in an array map.
// %[counts] is an array map: u32 key, u64 value, 256 entries. Run it:
//   ./kflab kernel run examples/asm/count_by_proto.s --type sched_cls --map counts=array:4:8:256 --data <frame hex>
	r6 = r1
	r0 = *(u16 *)skb[12]             // ethertype
	if r0 != 0x800 goto out
	r0 = *(u8 *)skb[23]              // IPv4 protocol
	*(u32 *)(r10 - 4) = r0           // key on the stack
	r2 = r10
	r2 += -4
	r1 = %[counts] ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out              // the verifier insists on this NULL check
	r1 = 1
	lock *(u64 *)(r0 + 0) += r1      // atomic increment of the counter
out:
	r0 = 0                           // TC_ACT_OK
	exit
