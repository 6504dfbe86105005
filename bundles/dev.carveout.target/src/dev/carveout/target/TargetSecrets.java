package dev.carveout.target;

import java.util.Optional;

/**
 * Where the password or key passphrase of a {@link Target} comes from when a connection needs it.
 * <p>
 * The engine never stores secrets: the Eclipse UI answers from its secure storage, the tests from their own
 * encrypted store, and unattended tools with {@link #NONE} (key files without a passphrase, or an agent).
 */
@FunctionalInterface
public interface TargetSecrets {

	/**
	 * @return the password (targets without a key file) or the key's passphrase; empty if none is known. The
	 *         caller wipes the array after use.
	 */
	Optional<char[]> secretFor(Target target);

	/** Knows no secret. */
	TargetSecrets NONE = target -> Optional.empty();
}
