package io.github.resemblegate.frontends;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.resemblegate.client.MediaType;

/**
 * Every front end is thin: of the core it uses only the public rooms (the face, the policy, the
 * settings reader, the console lines, the reports) and the one noun of the API client the face
 * hands out, a file's media type; never the client's calls or the gate's inside.
 */
@AnalyzeClasses(packages = {"io.github.resemblegate.maven", "io.github.resemblegate.jenkins",
    "io.github.resemblegate.cli"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class FrontEndRulesTest {

  private static final String CORE = "io.github.resemblegate";

  /** A core class a front end must not use. */
  private static final DescribedPredicate<JavaClass> CORE_BEYOND_ITS_FACE =
      new DescribedPredicate<>("a core class outside gate, gate.policy, gate.settings,"
          + " gate.narration and report (client.MediaType aside)") {
        @Override
        public boolean test(JavaClass c) {
          String p = c.getPackageName();
          boolean core = p.equals(CORE + ".client") || p.startsWith(CORE + ".client.")
              || p.startsWith(CORE + ".gate") || p.startsWith(CORE + ".report");
          boolean face = p.equals(CORE + ".gate") || p.equals(CORE + ".gate.policy")
              || p.equals(CORE + ".gate.settings") || p.equals(CORE + ".gate.narration")
              || p.equals(CORE + ".report")
              || c.isEquivalentTo(MediaType.class);
          return core && !face;
        }
      };

  @ArchTest
  static final ArchRule frontEndsUseOnlyTheCoresPublicRooms = classes().that()
      .resideInAnyPackage(CORE + ".maven..", CORE + ".jenkins..", CORE + ".cli..")
      .and().resideOutsideOfPackage(CORE + ".jenkins.stubs..")
      .should().onlyDependOnClassesThat(DescribedPredicate.not(CORE_BEYOND_ITS_FACE));
}
