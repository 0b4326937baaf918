package dev.kiln.runtime;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** How the runtime's packages depend on each other: in layers, never in a cycle. */
class PackageStructureTest {
  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kiln.runtime");

  @Test
  void noTwoPackagesOfTheRuntimeDependOnEachOther() {
    slices().matching("dev.kiln.runtime.(**)").should().beFreeOfCycles().check(RUNTIME);
  }

  @Test
  void theKernelsDependOnNothingElseOfKiln() {
    noClasses().that().resideInAPackage("dev.kiln.runtime.kernel")
        .should().dependOnClassesThat().resideOutsideOfPackages("dev.kiln.runtime.kernel", "java..", "jdk..")
        .check(RUNTIME);
  }

  @Test
  void whatUsersImportDependsOnNothingThatOnlyGeneratedCodeCalls() {
    noClasses().that().resideInAPackage("dev.kiln.runtime")
        .should().dependOnClassesThat().resideInAPackage("dev.kiln.runtime.generated")
        .check(RUNTIME);
  }
}
