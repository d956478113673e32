package io.kflab.verifier.structops.model;

import io.kflab.verifier.structops.LoadCheck;
import io.kflab.verifier.structops.ProgAttrs;

/** A loaded struct_ops program in the model (kernel: struct bpf_prog with its aux->attach_btf_id, expected_attach_type). */
record ModelProg(int id, ProgAttrs attrs, LoadCheck.Accepted check, ProgBody body) {}
