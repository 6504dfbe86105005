package dev.carveout.dts.fdt;

import java.io.IOException;

/** The bytes are not a flattened DeviceTree this reader understands; the message says where and why. */
public final class FdtFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	public FdtFormatException(String message) {
		super(message);
	}
}
