package io.github.resemblegate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.internal.GateRun;
import io.github.resemblegate.gate.internal.merge.Rejudging;
import io.github.resemblegate.gate.internal.merge.ShardMerge;
import io.github.resemblegate.gate.settings.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core's rooms as docs/architecture.md draws them: arrows point one way, the inside is
 * entered only through the face, and a room stays small enough to read. The front ends' own rule
 * (they import only the public rooms) is in front-end-tests, where their classes are.
 */
@AnalyzeClasses(packages = "io.github.resemblegate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "io.github.resemblegate";

  /** Every package is a room of its own. */
  private static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      return c.getPackageName().startsWith(ROOT) ? SliceIdentifier.of(c.getPackageName())
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "every package of " + ROOT;
    }
  };

  @ArchTest
  static final ArchRule topLevelRoomsFormNoCycle = slices().matching(ROOT + ".(*)..")
      .should().beFreeOfCycles();

  /**
   * No package imports one that imports it back, except at a few doors: {@link Gate} starts what
   * the internals carry out (a run, a merge of shards, judging again), and the internals use the
   * face's configuration, result and listener; {@link GateConfig.Builder} starts from the defaults
   * users type ({@link Durations} reads the default durations), and the settings reader builds a
   * {@link GateConfig}. The client's face and its inside form one room with an inner door (see the
   * next rule).
   */
  @ArchTest
  static final ArchRule roomsFormNoCycleButTheFacesDoors = slices().assignedFrom(EVERY_PACKAGE)
      .should().beFreeOfCycles().ignoreDependency(Gate.class, GateRun.class)
      .ignoreDependency(Gate.class, ShardMerge.class).ignoreDependency(Gate.class, Rejudging.class)
      .ignoreDependency(GateConfig.Builder.class, Durations.class)
      .ignoreDependency(resideInAPackage(ROOT + ".client"), resideInAPackage(ROOT + ".client.internal"));

  /**
   * The client is a small public face over its inside, as OkHttp is: the face calls into
   * {@code client.internal}, the inside builds the face's models and exceptions, and nothing else
   * enters the inside.
   */
  @ArchTest
  static final ArchRule onlyTheClientEntersItsInside = noClasses().that()
      .resideOutsideOfPackages(ROOT + ".client", ROOT + ".client.internal")
      .should().dependOnClassesThat().resideInAPackage(ROOT + ".client.internal");

  @ArchTest
  static final ArchRule theApiClientKnowsNoGate = noClasses().that()
      .resideInAPackage(ROOT + ".client..").should().dependOnClassesThat()
      .resideInAnyPackage(ROOT + ".gate..", ROOT + ".report..");

  @ArchTest
  static final ArchRule onlyTheFacesDoorLeadsInside = noClasses().that()
      .resideOutsideOfPackage(ROOT + ".gate.internal..").and().doNotBelongToAnyOf(Gate.class)
      .should().dependOnClassesThat().resideInAPackage(ROOT + ".gate.internal..");

  @ArchTest
  static final ArchRule thePolicyJudgesWithoutKnowingHowFilesAreFound = classes().that()
      .resideInAPackage(ROOT + ".gate.policy..").should().onlyDependOnClassesThat()
      .resideInAnyPackage(ROOT + ".gate.policy..", ROOT + ".client..", "java..");

  /** The inside words durations as users write them ({@link Durations}), and reads no more. */
  @ArchTest
  static final ArchRule theInsideReadsNoSettingsAndWritesNoReports = noClasses().that()
      .resideInAPackage(ROOT + ".gate.internal..").should().dependOnClassesThat(
          resideInAnyPackage(ROOT + ".gate.settings..", ROOT + ".report..")
              .and(not(equivalentTo(Durations.class))));

  /**
   * The face holds what a front end needs and nothing else: the entry point, the configuration,
   * the result, the listener, the one exception, and the report formats a front end may choose.
   * Everything else lives in the room that owns it.
   */
  @Test
  void theFaceHoldsOnlyWhatAFrontEndNeeds() {
    List<String> face = new ClassFileImporter()
        .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages(ROOT + ".gate")
        .stream()
        .filter(c -> c.getPackageName().equals(ROOT + ".gate") && c.isTopLevelClass()
            && c.getModifiers().contains(JavaModifier.PUBLIC))
        .map(JavaClass::getSimpleName).sorted().toList();
    assertThat(face).containsExactly("Gate", "GateConfig", "GateException", "GateListener",
        "GateResult", "ReportFormat");
  }

  /**
   * A method or constructor of the core takes at most six parameters; more asks for a record or
   * a split. A record's own constructor is its list of parts, not a method, so it is left out.
   */
  @ArchTest
  static final ArchRule noMethodOfTheCoreTakesMoreThanSixParameters = codeUnits().that()
      .areDeclaredInClassesThat().resideInAPackage(ROOT + ".gate..")
      .and(new DescribedPredicate<JavaCodeUnit>("not a record's canonical constructor") {
        @Override
        public boolean test(JavaCodeUnit u) {
          return !(u instanceof JavaConstructor && u.getOwner().isRecord());
        }
      })
      .should(new ArchCondition<JavaCodeUnit>("take at most six parameters") {
        @Override
        public void check(JavaCodeUnit u, ConditionEvents events) {
          int n = u.getRawParameterTypes().size();
          if (n > 6 && !u.getOwner().isAnonymousClass() && !u.getOwner().isLocalClass()) {
            events.add(SimpleConditionEvent.violated(u, u.getFullName() + " takes " + n
                + " parameters"));
          }
        }
      });

  /**
   * The client's public face: the calls, the request and response models, and the exceptions a
   * caller handles. A type added here is a promise to every caller; internals go to
   * {@code client.internal} or stay package-private.
   */
  @Test
  void theClientsPublicTypesAreItsCallsModelsAndExceptions() {
    assertThat(publicClientTypes()).containsExactlyInAnyOrder(
        // the calls, their settings and their observer
        "ResembleClient", "ResembleClient.Builder", "ApiToken", "ProxyConfig", "RequestListener",
        // requests
        "BatchRequest", "BatchRequest.Part", "BatchOptions", "BatchOptions.Builder",
        "DetectRequest", "DetectRequest.Source", "DetectRequest.Upload", "DetectRequest.Url",
        "DetectRequest.MediaToken", "DetectOptions", "DetectOptions.Builder", "IntakeMode",
        "MediaExtensions",
        // answers
        "DetectBatch", "BatchStatus", "Detection", "Detection.AudioMetrics",
        "Detection.ImageMetrics", "Detection.VideoMetrics", "Detection.TimedScore",
        "Detection.Retention", "Detection.Findings", "Detection.Intelligence",
        "Detection.SourceTracing", "Detection.ReverseSearchSource", "DetectStatus",
        "DetectResult", "DetectResult.Completed", "DetectResult.Running", "DetectResult.Failed",
        "DetectPage", "SecureUpload", "MediaType", "ScoreReading", "ScoreReading.Scored",
        "ScoreReading.NoSpeech", "ScoreReading.Unscored",
        // what a caller catches
        "ResembleException", "BadRequestException", "UnauthorizedException",
        "ForbiddenException", "InsufficientCreditException", "NotFoundException",
        "RateLimitedException", "ServerErrorException", "TransportException",
        "MalformedResponseException");
  }

  /** OkHttp's own regret: no public signature of the client's face names an internal type. */
  @Test
  void noPublicSignatureOfTheClientNamesAnInternalType() {
    List<String> leaks = new java.util.ArrayList<>();
    for (JavaClass c : clientClasses()) {
      if (!c.getPackageName().equals(ROOT + ".client") || !isPublic(c)) {
        continue;
      }
      for (JavaMember m : c.getMembers()) {
        if (!m.getModifiers().contains(JavaModifier.PUBLIC)
            && !m.getModifiers().contains(JavaModifier.PROTECTED)) {
          continue;
        }
        List<JavaType> types = new java.util.ArrayList<>();
        if (m instanceof JavaCodeUnit code) {
          types.addAll(code.getParameterTypes());
          types.add(code.getReturnType());
        } else if (m instanceof JavaField field) {
          types.add(field.getType());
        }
        types.stream().flatMap(t -> t.getAllInvolvedRawTypes().stream())
            .filter(t -> t.getPackageName().startsWith(ROOT + ".client.internal"))
            .forEach(t -> leaks.add(m.getFullName() + " names " + t.getName()));
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static List<JavaClass> clientClasses() {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT + ".client").stream().toList();
  }

  private static List<String> publicClientTypes() {
    return clientClasses().stream()
        .filter(c -> c.getPackageName().equals(ROOT + ".client") && isPublic(c))
        .map(c -> c.getName().substring(ROOT.length() + ".client.".length()).replace('$', '.'))
        .toList();
  }

  /** Public, and for a nested type every enclosing type public too. */
  private static boolean isPublic(JavaClass c) {
    for (JavaClass t = c; t != null; t = t.getEnclosingClass().orElse(null)) {
      if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void gateConfigIsAFewNestedRecords() {
    assertThat(GateConfig.class.getRecordComponents()).hasSizeLessThanOrEqualTo(8);
  }

  @Test
  void noSourceFileOfTheCoreIsLongerThan300Lines() throws IOException {
    Path main = Path.of("src", "main", "java");
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(main)) {
      tooLong = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > 300)
          .map(p -> main.relativize(p) + " (" + lines(p) + " lines)").toList();
    }
    assertThat(tooLong).as("split these into classes with one job each").isEmpty();
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
