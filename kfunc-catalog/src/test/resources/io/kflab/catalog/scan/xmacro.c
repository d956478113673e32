/* Fixture written for kflab's scanner tests (not kernel code). */
#define GADGET_LIST \
	GADGET(GADGET_A, 1, gadget_rx_a, x) \
	GADGET(GADGET_B, 2, gadget_rx_b, y)

BTF_KFUNCS_START(gadget_ids)
#define GADGET(_, __, name, ___) BTF_ID_FLAGS(func, name, KF_TRUSTED_ARGS)
GADGET_LIST
#undef GADGET
BTF_KFUNCS_END(gadget_ids)
