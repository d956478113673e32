// kflab fixture: one of each construct of the annotation suite
#include <linux/bpf.h>
#include "bpf_misc.h"

#define ANSWER (40 + 2)
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ENDIAN_OK 1
#else
#define ENDIAN_OK 0
#endif

struct pair {
	unsigned int first;
	long long second[2];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1);
	__type(key, long long);
	__type(value, struct pair);
} small_hash SEC(".maps");

SEC("socket")
__description("fixture: " "concatenated\tdescription")
__success __failure_unpriv __msg_unpriv("R1 {{[a-z]+}}")
__retval(ANSWER) __log_level(2) __flag(BPF_F_ANY_ALIGNMENT)
__naked void accept_answer(void)
{
	asm volatile ("					\
	r1 = 0;						\
	*(u64*)(r10 - 8) = r1;				\
	r2 = r10;					\
	r2 += -8;					\
	r1 = %[small_hash] ll;				\
	call %[bpf_map_lookup_elem];			\
	if r0 == 0 goto l0_%=;				\
	r1 = *(u64*)(r0 + %[second_off]);		\
l0_%=:	call helper_sub;				\
	w0 %%= 100;					\
	exit;						\
"	:
	: __imm(bpf_map_lookup_elem),
	  __imm_addr(small_hash),
	  __imm_const(second_off, offsetof(struct pair, second[1]) * ENDIAN_OK)
	: __clobber_all);
}

static __naked __noinline __used void helper_sub(void)
{
	asm volatile ("r0 = %[answer];\n\t"
		      ".8byte %[raw];\n\t"
		      "exit;"
		      :
		      : __imm_const(answer, ANSWER),
			__imm_insn(raw, BPF_MOV64_IMM(BPF_REG_1, 7))
		      : __clobber_all);
}

SEC("xdp")
__failure __msg("first") __msg("second")
__naked void reject_two_messages(void)
{
	asm volatile ("r0 = *(u64*)(r1 + 0); exit;" ::: __clobber_all);
}

SEC("tc")
__success
int c_body(struct __sk_buff *skb)
{
	return skb->len > 1 ? 1 : 0;
}

SEC("socket")
__auxiliary
__naked void not_a_test(void)
{
	asm volatile ("r0 = 0; exit;");
}

char _license[] SEC("license") = "GPL";
