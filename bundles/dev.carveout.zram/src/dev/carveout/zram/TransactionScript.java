package dev.carveout.zram;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The deployment as one shell script that the board runs detached from the SSH session: it applies the plan's
 * steps, checks the result, and on any failure swaps off and resets every zram device and rebuilds the previous
 * ones. A connection lost at any moment therefore leaves the old or the new state, never a half one; the client
 * follows the script's log and reads its status file, also after reconnecting.
 * <p>
 * Log protocol, one line each: {@code @@STEP n title}, {@code @@CMD command}, {@code @@SKIP n}, {@code @@FAIL n},
 * {@code @@ROLLBACK}, {@code @@DONE}; anything else is the board's own output. Status file: {@code running},
 * {@code done}, {@code rolledback n}, {@code rollback-failed n} or {@code busy}.
 */
public final class TransactionScript {

	private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

	private TransactionScript() {
	}

	/** Files of transaction {@code id} on the board: {@code <base>.sh .log .status .err .failerr}. */
	public static String base(String id) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("bad transaction id " + id);
		}
		return ZramPlanner.STATE_DIR + "/" + id;
	}

	/** A log line, printed verbatim: printf, because echo would expand the backslashes in a command. */
	private static String say(String line) {
		return "printf '%s\\n' " + ShellQuote.quote(line) + "\n";
	}

	public static String render(DeploymentPlan plan, String id) {
		String base = base(id);
		StringBuilder s = new StringBuilder();
		s.append("#!/bin/sh\n");
		s.append("# Carveout zram transaction ").append(id).append(", generated from a checked plan.\n");
		s.append("T=").append(base).append("\n");
		s.append("cd /\n");
		s.append("exec >\"$T.log\" 2>&1 </dev/null\n");
		s.append("trap \"\" HUP\n");
		s.append("status() { /bin/echo \"$1\" > \"$T.status.tmp\" && mv \"$T.status.tmp\" \"$T.status\"; }\n");
		// One transaction at a time: a second deployment must not interleave with a running one.
		s.append("if ! mkdir ").append(ZramPlanner.STATE_DIR).append("/lock 2>/dev/null; then echo @@BUSY; status busy; exit 1; fi\n");
		s.append("trap \"rmdir ").append(ZramPlanner.STATE_DIR).append("/lock\" EXIT\n");
		s.append("status running\n");
		s.append("rollback() {\n");
		s.append("\techo @@ROLLBACK\n");
		s.append("\tok=0\n");
		s.append("\tfor dev in $(while read -r d rest; do case \"$d\" in /dev/zram*) echo \"$d\";; esac; done < /proc/swaps); do\n");
		s.append("\t\techo \"@@CMD swapoff $dev\"; swapoff \"$dev\" || ok=1\n");
		s.append("\tdone\n");
		s.append("\tfor r in /sys/block/zram*/reset; do\n");
		s.append("\t\t[ -e \"$r\" ] || continue\n");
		s.append("\t\techo \"@@CMD /bin/echo 1 > $r\"; /bin/echo 1 > \"$r\" || ok=1\n");
		s.append("\tdone\n");
		for (PlanStep step : plan.restore()) {
			s.append("\t").append(say("@@CMD " + step.command()));
			s.append("\t( ").append(step.command()).append(" ) || ok=1\n");
		}
		if (plan.unloadOnRestore()) {
			s.append("\tif [ -d /sys/module/zram ]; then ").append(say("@@CMD rmmod zram").strip()).append("; rmmod zram || ok=1; fi\n");
		}
		s.append("\treturn $ok\n");
		s.append("}\n");
		s.append("fail() {\n");
		s.append("\techo \"@@FAIL $1\"\n");
		s.append("\tcp \"$T.err\" \"$T.failerr\"\n");
		s.append("\tif rollback; then status \"rolledback $1\"; else status \"rollback-failed $1\"; fi\n");
		s.append("\texit 1\n");
		s.append("}\n");
		List<PlanStep> steps = plan.steps();
		for (int i = 0; i < steps.size(); i++) {
			PlanStep step = steps.get(i);
			int n = i + 1;
			String indent = "";
			if (step.requires() != null) {
				s.append("if [ -e ").append(step.requires()).append(" ]; then\n");
				indent = "\t";
			}
			s.append(indent).append(say("@@STEP " + n + " " + step.title()));
			s.append(indent).append(say("@@CMD " + step.command()));
			// A subshell: a check's "set --" or a failing redirection stays inside it.
			s.append(indent).append("( ").append(step.command()).append(" ) 2>\"$T.err\"; rc=$?; cat \"$T.err\"; [ $rc -eq 0 ] || fail ")
					.append(n).append('\n');
			if (step.requires() != null) {
				s.append("else\n\t").append(say("@@SKIP " + n + " " + step.title())).append("fi\n");
			}
		}
		s.append("echo @@DONE\n");
		s.append("status done\n");
		return s.toString();
	}
}
