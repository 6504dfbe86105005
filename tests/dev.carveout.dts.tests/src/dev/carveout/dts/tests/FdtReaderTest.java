package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.fdt.Fdt;
import dev.carveout.dts.fdt.FdtFormatException;
import dev.carveout.dts.fdt.FdtNode;
import dev.carveout.dts.fdt.FdtReader;

/** Reading DTBs that dtc compiled from small sources, and refusing damaged ones with a clear reason. */
class FdtReaderTest {

	private static final String SOURCE = """
			/dts-v1/;
			/memreserve/ 0x10000000 0x4000;
			/memreserve/ 0x20000000 0x100000;
			/ {
				#address-cells = <1>;
				#size-cells = <1>;
				model = "test", "board";
				empty;
				memory@80000000 { device_type = "memory"; reg = <0x80000000 0x1000000>; };
				soc {
					uart: serial@1000 { reg = /bits/ 8 <1 2 3>; };
					user { uart = <&uart>; };
				};
			};
			""";

	@TempDir
	Path dir;

	private byte[] dtb() {
		return Dtc.compile(new Boards(dir).write("t.dts", SOURCE));
	}

	@Test
	void readsHeaderReservationsNodesAndProperties() throws Exception {
		Fdt fdt = FdtReader.read(dtb());
		assertEquals(17, fdt.version());
		assertEquals(16, fdt.lastCompatibleVersion());
		assertEquals(List.of(new Fdt.MemReserve(0x10000000L, 0x4000), new Fdt.MemReserve(0x20000000L, 0x100000)),
				fdt.memreserves());
		assertEquals(List.of("#address-cells", "#size-cells", "model", "empty"),
				fdt.root().properties().stream().map(p -> p.name()).toList());
		assertArrayEquals("test\0board\0".getBytes(), fdt.root().property("model").value());
		assertEquals(0, fdt.root().property("empty").value().length);
		assertEquals(List.of("memory@80000000", "soc"), fdt.root().children().stream().map(FdtNode::name).toList());
		FdtNode serial = fdt.find("/soc/serial@1000");
		assertNotNull(serial);
		assertEquals("/soc/serial@1000", serial.path());
		assertArrayEquals(new byte[] { 1, 2, 3 }, serial.property("reg").value());
		int phandle = ByteBuffer.wrap(serial.property("phandle").value()).getInt();
		assertEquals(phandle, ByteBuffer.wrap(fdt.find("/soc/user").property("uart").value()).getInt());
	}

	@Test
	void badMagicIsRefused() {
		byte[] bytes = dtb();
		bytes[0] = 0x12;
		FdtFormatException e = assertThrows(FdtFormatException.class, () -> FdtReader.read(bytes));
		assertTrue(e.getMessage().startsWith("bad magic 0x12"), e.getMessage());
	}

	@Test
	void truncatedBlobIsRefused() {
		byte[] bytes = dtb();
		FdtFormatException e = assertThrows(FdtFormatException.class,
				() -> FdtReader.read(Arrays.copyOf(bytes, bytes.length - 8)));
		assertTrue(e.getMessage().startsWith("truncated: the header says " + bytes.length), e.getMessage());
		e = assertThrows(FdtFormatException.class, () -> FdtReader.read(Arrays.copyOf(bytes, 20)));
		assertTrue(e.getMessage().startsWith("truncated: 20 bytes"), e.getMessage());
	}

	@Test
	void structureBlockEndingInsideANodeIsRefused() {
		byte[] bytes = dtb();
		ByteBuffer blob = ByteBuffer.wrap(bytes);
		int structStart = blob.getInt(8);
		int structSize = blob.getInt(36);
		// drop the last END_NODE: the END token then comes while the root is still open
		blob.putInt(36, structSize - 4);
		blob.putInt(structStart + structSize - 8, 9);
		FdtFormatException e = assertThrows(FdtFormatException.class, () -> FdtReader.read(bytes));
		assertTrue(e.getMessage().startsWith("structure block ends inside node /"), e.getMessage());
	}

	@Test
	void unknownTokenIsRefused() {
		byte[] bytes = dtb();
		ByteBuffer blob = ByteBuffer.wrap(bytes);
		blob.putInt(blob.getInt(8), 7);
		FdtFormatException e = assertThrows(FdtFormatException.class, () -> FdtReader.read(bytes));
		assertTrue(e.getMessage().contains("token 7"), e.getMessage());
	}

	@Test
	void fileNameIsInTheMessage() throws Exception {
		Path file = dir.resolve("broken.dtb");
		java.nio.file.Files.write(file, new byte[64]);
		FdtFormatException e = assertThrows(FdtFormatException.class, () -> FdtReader.read(file));
		assertTrue(e.getMessage().startsWith(file + ": bad magic 0x00000000"), e.getMessage());
	}
}
