package dev.carveout.target;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Host key fingerprints in the format OpenSSH prints them (ssh-keygen -lf), so users can compare. */
public final class Fingerprints {

	private Fingerprints() {
	}

	/** "SHA256:" + unpadded base64 of the SHA-256 of the public key blob, exactly like OpenSSH. */
	public static String sha256(byte[] publicKeyBlob) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKeyBlob);
			return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
		}
	}
}
