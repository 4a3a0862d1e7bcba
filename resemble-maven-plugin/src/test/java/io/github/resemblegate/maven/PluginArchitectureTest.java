package io.github.resemblegate.maven;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin is a thin front end: of the core it uses only the public rooms (the face, the
 * policy, the settings reader and the reports), never the API client or the gate's inside.
 */
@AnalyzeClasses(packages = "io.github.resemblegate.maven",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {

  @ArchTest
  static final ArchRule thePluginUsesOnlyTheCoresPublicRooms = noClasses().that()
      .resideInAPackage("io.github.resemblegate.maven..").should().dependOnClassesThat(
          resideInAPackage("io.github.resemblegate..").and(not(resideInAnyPackage(
              "io.github.resemblegate.maven..", "io.github.resemblegate.gate",
              "io.github.resemblegate.gate.policy", "io.github.resemblegate.gate.settings",
              "io.github.resemblegate.report"))));
}
