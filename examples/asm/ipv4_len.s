// A tc (sched_cls) program: for an IPv4 frame return the IP total length, else 0.
// Run it: ./kflab kernel run examples/asm/ipv4_len.s --type sched_cls --data <frame hex>
	r6 = r1                          // the skb, needed by the legacy packet loads
	r0 = *(u16 *)skb[12]             // ethertype (legacy loads convert to host order)
	if r0 != 0x800 goto not_ipv4
	r0 = *(u16 *)skb[16]             // IPv4 total length
	exit
not_ipv4:
	r0 = 0
	exit
