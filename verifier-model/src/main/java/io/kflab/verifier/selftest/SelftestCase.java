package io.kflab.verifier.selftest;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One imported verifier selftest (kernel: a test_loader test_spec or a test_verifier struct bpf_test):
 * load attributes, the privileged expectations, the unprivileged ones, maps and raw instruction
 * slots. {@code unsupportedReason} is present when the test could not be imported as runnable;
 * then slots and maps may be empty.
 *
 * @param privileged whether the privileged run is part of the test (test_loader: only-unpriv tests are not)
 * @param expectedMessages expected log parts, matched in order as substrings; {{...}} parts are regexes
 * @param retval the expected R0 of the (first) test run, when the test runs the program
 * @param runs every test run with its input data (empty: the program is only loaded)
 */
public record SelftestCase(String file, String name, String description, SelftestFormat format,
                           ProgType progType, Optional<AttachType> expectedAttachType, int flags, int logLevel,
                           boolean privileged, boolean expectSuccess, List<String> expectedMessages,
                           OptionalLong retval, Optional<UnprivExpectations> unprivExpectations,
                           List<MapSpec> maps, List<RawInsn> slots, List<TestRun> runs,
                           Optional<Unsupported> unsupportedReason) {
    public SelftestCase {
        expectedMessages = List.copyOf(expectedMessages);
        maps = List.copyOf(maps);
        slots = List.copyOf(slots);
        runs = List.copyOf(runs);
    }

    /** Whether the case can be loaded. */
    public boolean supported() {
        return unsupportedReason.isEmpty();
    }

    /** file/name, e.g. verifier_and.c/invalid_and_of_negative_number. */
    public String id() {
        return file + "/" + name;
    }

    static SelftestCase unsupported(String file, String name, String description, SelftestFormat format, Unsupported why) {
        return new SelftestCase(file, name, description, format, ProgType.SOCKET_FILTER, Optional.empty(), 0, 0,
                true, true, List.of(), OptionalLong.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.of(why));
    }
}
