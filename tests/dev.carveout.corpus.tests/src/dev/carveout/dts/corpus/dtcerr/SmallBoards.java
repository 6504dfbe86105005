package dev.carveout.dts.corpus.dtcerr;

import java.util.List;
import java.util.Map;

/** Hand-written bases: a board alone, and one whose nodes and labels come from a .dtsi with a macro. */
final class SmallBoards {

	private SmallBoards() {
	}

	static final BaseBoard PLAIN = new BaseBoard("small board", """
			/dts-v1/;

			/ {
				#address-cells = <1>;
				#size-cells = <1>;
				model = "dtcerr plain";

				soc: soc {
					#address-cells = <1>;
					#size-cells = <1>;
					ranges;

					uart0: serial@1000 {
						reg = <0x1000 0x100>;
						status = "okay";
					};
				};

				memory@80000000 {
					device_type = "memory";
					reg = <0x80000000 0x10000000>;
				};
			};
			""", null, Map.of(), List.of("soc", "uart0"));

	static final BaseBoard WITH_INCLUDE = new BaseBoard("small board with a .dtsi", """
			/dts-v1/;
			#include "soc.dtsi"

			/ {
				model = "dtcerr with include";

				chosen: chosen {
					bootargs = "console=ttyS0";
				};
			};

			&timer {
				status = "okay";
			};
			""", null, Map.of("soc.dtsi", """
			#define TIMER_BASE 0x2000

			/ {
				#address-cells = <2>;
				#size-cells = <2>;

				bus: bus {
					compatible = "simple-bus";
					#address-cells = <2>;
					#size-cells = <2>;
					ranges;

					timer: timer@2000 {
						reg = <0 TIMER_BASE 0 0x100>;
						status = "disabled";
					};
				};
			};
			"""), List.of("chosen", "bus", "timer"));
}
