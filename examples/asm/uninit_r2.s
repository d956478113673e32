// Reads r2 before anything wrote it: the verifier rejects it with "R2 !read_ok" (EACCES).
	r0 = r2
	exit
