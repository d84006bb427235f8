package tsos.monitor.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "tsos.monitor.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_imports_the_jdk_only = classes()
            .that().resideInAPackage("tsos.monitor.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "tsos.monitor.domain..")
            .because("the domain is the model and its rules, with no framework, database or transport");
}
