package io.kflab.verifier.structops.model;

/** A struct_ops link in the model (kernel: struct bpf_struct_ops_link); {@code map} is null once detached. */
final class ModelLink {
    final long id;
    ModelMap map;

    ModelLink(long id, ModelMap map) {
        this.id = id;
        this.map = map;
    }
}
