package io.invoicekit.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Jdbc;

/**
 * Generates jOOQ code from the schema the migrations create, on the test database
 * ({@link TestDatabase}): no hand-kept copy of the DDL, nothing generated checked in.
 *
 * <p>Arguments: the jOOQ code generation XML (everything but the connection) and the target
 * directory. The build of invoice-persistence runs it in generate-sources.
 */
public final class JooqCodegen {

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: JooqCodegen <codegen.xml> <target directory>");
        }
        Configuration configuration;
        try (InputStream xml = Files.newInputStream(Path.of(args[0]))) {
            configuration = GenerationTool.load(xml);
        }
        configuration.getGenerator().getTarget().setDirectory(args[1]);
        try (DatabaseProvider provider = TestDatabase.start()) {
            MigratedDatabase database = provider.newDatabase();
            ConnectionSettings owner = database.owner();
            configuration.setJdbc(new Jdbc()
                    .withUrl(owner.jdbcUrl())
                    .withUser(owner.user())
                    .withPassword(owner.password()));
            System.out.println("Generating jOOQ code from " + provider.describe());
            GenerationTool.generate(configuration);
            provider.release(database);
        }
    }
}
