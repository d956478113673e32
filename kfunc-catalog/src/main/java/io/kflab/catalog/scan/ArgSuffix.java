package io.kflab.catalog.scan;

/**
 * A kfunc parameter-name suffix the verifier matches (a {@code "__sz"}-like literal passed to
 * {@code btf_param_match_suffix} or, in older trees, measured with {@code sizeof}).
 */
public record ArgSuffix(String suffix, String checkedBy, SourceLine at) {}
