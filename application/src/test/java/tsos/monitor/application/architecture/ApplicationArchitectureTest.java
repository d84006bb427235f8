package tsos.monitor.application.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "tsos.monitor.application", importOptions = ImportOption.DoNotIncludeTests.class)
class ApplicationArchitectureTest {

    @ArchTest
    static final ArchRule the_application_imports_the_jdk_and_the_domain_only = classes()
            .that().resideInAPackage("tsos.monitor.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "tsos.monitor.domain..", "tsos.monitor.application..")
            .because("use cases reach the world through the domain's ports only");

    @ArchTest
    static final ArchRule the_application_knows_no_adapter_framework_transport_or_database = noClasses()
            .that().resideInAPackage("tsos.monitor.application..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("tsos.monitor.adapters..", "tsos.monitor.service..", "io.micronaut..", "io.grpc..",
                    "java.sql..", "javax.sql..", "jakarta..");
}
