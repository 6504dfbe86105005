package dev.carveout.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The OASIS SARIF 2.1.0 JSON schema (schema/README.md says where the file comes from), loaded once. */
final class SarifSchema {

	private static Schema schema;

	private SarifSchema() {
	}

	static synchronized List<Error> errors(String log) {
		if (schema == null) {
			Path file = Path.of(System.getProperty("carveout.sarifSchema", "schema/sarif-schema-2.1.0.json"));
			try (InputStream in = Files.newInputStream(file)) {
				schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return schema.validate(log, InputFormat.JSON);
	}

	static void assertValid(String log) {
		assertEquals(List.of(), errors(log).stream().map(Error::toString).toList(), log);
	}
}
