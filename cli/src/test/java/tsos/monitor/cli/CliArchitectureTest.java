package tsos.monitor.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "tsos.monitor.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule the_command_line_imports_the_public_api_and_client_libraries_only = classes()
            .that().resideInAPackage("tsos.monitor.cli..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "tsos.monitor.cli..",
                    "tsos.monitor.api..", "io.grpc..", "io.netty.handler.ssl..", "com.google.protobuf..",
                    "com.google.rpc..", "picocli..", "org.apache.commons.csv..", "com.fasterxml.jackson..")
            .because("the command line is a client of the gRPC API, as any other client could be");

    @ArchTest
    static final ArchRule the_command_line_knows_nothing_of_the_server = noClasses()
            .that().resideInAPackage("tsos.monitor.cli..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("tsos.monitor.domain..", "tsos.monitor.application..", "tsos.monitor.adapters..",
                    "tsos.monitor.service..", "io.micronaut..", "java.sql..", "javax.sql..");
}
