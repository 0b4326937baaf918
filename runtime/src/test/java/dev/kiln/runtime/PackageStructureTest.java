package dev.kiln.runtime;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.kiln.runtime.train.Metric;
import org.junit.jupiter.api.Test;

/** How the runtime's packages depend on each other: in layers, never in a cycle. */
class PackageStructureTest {
  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kiln.runtime");

  /** Every package is a slice, the root package (what users import) included. */
  private static final SliceAssignment PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return SliceIdentifier.of(javaClass.getPackageName());
    }

    @Override
    public String getDescription() {
      return "the runtime's packages, its root included";
    }
  };

  /**
   * One dependency is allowed against the layers: a plateau schedule names the {@link Metric} it watches
   * ({@code LearningRateSchedule.onPlateau(Metric, ...)}), and Metric lives in {@code train} beside
   * {@code EarlyStopping}, which watches the same metrics, while {@code train}'s options take a schedule.
   */
  @Test
  void noTwoPackagesOfTheRuntimeDependOnEachOther() {
    slices().assignedFrom(PACKAGES).should().beFreeOfCycles()
        .ignoreDependency(resideInAPackage("dev.kiln.runtime.schedule"), equivalentTo(Metric.class))
        .check(RUNTIME);
  }

  @Test
  void schedulesDependOnTrainingForTheMetricAlone() {
    noClasses().that().resideInAPackage("dev.kiln.runtime.schedule")
        .should().dependOnClassesThat(resideInAPackage("dev.kiln.runtime.train").and(not(equivalentTo(Metric.class))))
        .check(RUNTIME);
  }

  @Test
  void theRootPackageIsOneOfTheSlices() {
    // "dev.kiln.runtime.(**)" left it out, and with it the cycle KilnTrainer.fit made through train.Fitting.
    assertEquals(SliceIdentifier.of("dev.kiln.runtime"), PACKAGES.getIdentifierOf(RUNTIME.get(KilnTrainer.class)));
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
