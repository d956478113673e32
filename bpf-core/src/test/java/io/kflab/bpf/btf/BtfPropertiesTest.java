package io.kflab.bpf.btf;

import static org.junit.jupiter.api.Assertions.*;

import io.kflab.bpf.diag.BadInputException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

class BtfPropertiesTest {
    /** Valid blobs to damage: the fixture and random graphs, in both byte orders, with and without layout. */
    private static final List<byte[]> SEEDS = seeds();

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        Random r = new Random(0xb7f);
        seeds.add(BtfWriter.write(BtfFixtures.sample()));
        seeds.add(new BtfWriter().layout(true).byteOrder(ByteOrder.BIG_ENDIAN).encode(BtfFixtures.sample()));
        for (int i = 0; i < 40; i++) {
            seeds.add(new BtfWriter().layout(r.nextBoolean()).byteOrder(r.nextBoolean() ? ByteOrder.BIG_ENDIAN
                    : ByteOrder.LITTLE_ENDIAN).encode(BtfGen.graph(r, i % 2 == 0)));
        }
        return seeds;
    }

    @Provide
    Arbitrary<List<BtfType>> graphs() {
        return Arbitraries.randomValue(r -> BtfGen.graph(r, r.nextBoolean()));
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return Arbitraries.randomValue(r -> BtfGen.mutate(r, SEEDS.get(r.nextInt(SEEDS.size()))));
    }

    @Property(tries = 400, shrinking = ShrinkingMode.OFF)
    void parseOfWriteIsIdentity(@ForAll("graphs") List<BtfType> types, @ForAll boolean bigEndian, @ForAll boolean layout) {
        byte[] bytes = new BtfWriter().byteOrder(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                .layout(layout).encode(types);
        Btf btf = Btf.parse(bytes, "generated");
        assertEquals(types, btf.types());
        assertEquals(types.size(), btf.size());
        boolean unknown = types.stream().anyMatch(t -> t instanceof BtfUnknownKind);
        assertEquals(layout || unknown, btf.header().hasLayout());
        assertArrayEquals(bytes, new BtfWriter().byteOrder(btf.header().byteOrder()).layout(layout).encode(btf.types()));
        for (int id = 1; id <= btf.size(); id++) {
            String name = types.get(id - 1).name();
            if (!name.isEmpty()) {
                assertTrue(btf.findAllByName(name).contains(id));
            }
        }
    }

    /** 12,000 damaged or random blobs: each is accepted or rejected as bad input, never anything else. */
    @Property(tries = 12_000, shrinking = ShrinkingMode.OFF)
    void damagedInputIsBadInputOrWorks(@ForAll("damaged") byte[] data) {
        Btf btf;
        try {
            btf = Btf.parse(data, "fuzz");
        } catch (BadInputException e) {
            Statistics.label("outcome").collect("bad input");
            assertNotNull(e.location());
            assertTrue(e.location().startsWith("fuzz: byte "), e.location());
            assertFalse(e.getMessage().isBlank());
            return;
        }
        Statistics.label("outcome").collect("accepted");
        exercise(btf);
        // both outcomes must be common enough for the property to mean something
        Statistics.label("outcome").coverage(c -> {
            c.check("accepted").percentage(p -> p > 3.0);
            c.check("bad input").percentage(p -> p > 50.0);
        });
    }

    /** Uses every part of the API on an accepted blob; only sizeOf may refuse (sizeless kinds). */
    private static void exercise(Btf btf) {
        BtfRenderer renderer = new BtfRenderer(btf);
        for (int id = 0; id <= btf.size(); id++) {
            BtfType t = btf.type(id);
            assertEquals(t.kind(), btf.kind(id));
            assertEquals(t.name(), btf.name(id));
            int resolved = btf.resolve(id);
            assertFalse(switch (btf.kind(resolved)) {
                case TYPEDEF, CONST, VOLATILE, RESTRICT, TYPE_TAG -> true;
                default -> false;
            });
            try {
                assertTrue(btf.sizeOf(id) >= 0);
            } catch (IllegalArgumentException sizeless) {
                // void, functions, forward declarations
            } catch (BadInputException overflow) {
                assertTrue(overflow.getMessage().contains("overflow"), overflow.getMessage());
            }
            // hostile, highly shared graphs render cut short, not exponentially long
            assertTrue(renderer.render(id).length() < 200_000, "rendering of [" + id + "] is unbounded");
            btf.declTags(id);
            if (!t.name().isEmpty()) {
                assertTrue(btf.findAllByName(t.name()).contains(id));
            }
        }
        btf.kfuncs().forEach(id -> assertEquals(BtfKind.FUNC, btf.kind(id)));
        // what was accepted can be written again and reads back the same
        Btf again = Btf.parse(new BtfWriter().layout(btf.header().hasLayout()).encode(btf.types()), "again");
        assertEquals(btf.types(), again.types());
    }
}
