package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.GateConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Stapler will bind at runtime, checked by reflection: every form field has a constructor
 * parameter or setter and a getter, every select a fill method, every field a help file.
 */
class DescriptorFormTest {

  private static final Class<?> STEP = ResembleDetectBuilder.class;
  private static final Class<?> DESCRIPTOR = ResembleDetectBuilder.DescriptorImpl.class;
  private static final String RESOURCES = "/io/github/resemblegate/jenkins/ResembleDetectBuilder/";

  /**
   * Field names in config.jelly, which of them are select boxes, which are typed in (text and
   * number boxes), and the defaults it shows: a box's placeholder, a checkbox's default.
   */
  record Form(Set<String> fields, Set<String> selects, Set<String> typed,
      Map<String, String> defaults) {}

  static Form form() throws Exception {
    try (InputStream in = STEP.getResourceAsStream(RESOURCES + "config.jelly")) {
      assertThat(in).as("config.jelly on the classpath").isNotNull();
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      NodeList entries = f.newDocumentBuilder().parse(in).getElementsByTagNameNS("/lib/form",
          "entry");
      Set<String> fields = new LinkedHashSet<>();
      Set<String> selects = new LinkedHashSet<>();
      Set<String> typed = new LinkedHashSet<>();
      Map<String, String> defaults = new TreeMap<>();
      for (int i = 0; i < entries.getLength(); i++) {
        Element entry = (Element) entries.item(i);
        String field = entry.getAttribute("field");
        fields.add(field);
        if (entry.getElementsByTagNameNS("/lib/form", "select").getLength() > 0
            || entry.getElementsByTagNameNS("/lib/credentials", "select").getLength() > 0) {
          selects.add(field);
        }
        if (entry.getElementsByTagNameNS("/lib/form", "textbox").getLength() > 0
            || entry.getElementsByTagNameNS("/lib/form", "number").getLength() > 0) {
          typed.add(field);
        }
        NodeList controls = entry.getElementsByTagNameNS("/lib/form", "*");
        for (int k = 0; k < controls.getLength(); k++) {
          Element control = (Element) controls.item(k);
          for (String shown : new String[] {"default", "placeholder"}) {
            if (control.hasAttribute(shown)) {
              defaults.put(field, control.getAttribute(shown));
            }
          }
        }
      }
      return new Form(fields, selects, typed, defaults);
    }
  }

  private static String capitalized(String field) {
    return field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
  }

  private static Constructor<?> dataBoundConstructor() {
    return Arrays.stream(STEP.getConstructors())
        .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class)).findFirst().orElseThrow();
  }

  /** The names Stapler and Pipeline bind, without the deprecated old ones. */
  private static Set<String> setterFields() {
    return setterNames(false);
  }

  private static Set<String> setterNames(boolean deprecated) {
    Set<String> names = new TreeSet<>();
    for (Method m : STEP.getMethods()) {
      if (m.isAnnotationPresent(DataBoundSetter.class)
          && m.isAnnotationPresent(Deprecated.class) == deprecated) {
        names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
      }
    }
    return names;
  }

  @Test
  void everyFormFieldIsBoundByTheConstructorOrASetterAndHasAGetter() throws Exception {
    Set<String> ctorParams = new TreeSet<>();
    for (Parameter p : dataBoundConstructor().getParameters()) {
      assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue();
      ctorParams.add(p.getName());
    }
    List<String> unbound = new ArrayList<>();
    List<String> noGetter = new ArrayList<>();
    for (String field : form().fields()) {
      if (!ctorParams.contains(field) && !setterFields().contains(field)) {
        unbound.add(field);
      }
      if (!hasMethod("get" + capitalized(field)) && !hasMethod("is" + capitalized(field))) {
        noGetter.add(field);
      }
    }

    assertThat(ctorParams).containsExactly("includes");
    assertThat(unbound).isEmpty();
    assertThat(noGetter).isEmpty();
  }

  @Test
  void everySetterAndConstructorParameterAppearsInTheForm() throws Exception {
    Set<String> bound = new TreeSet<>(setterFields());
    bound.add("includes");

    assertThat(form().fields()).containsExactlyInAnyOrderElementsOf(bound);
  }

  @Test
  void everySelectHasAFillMethod() throws Exception {
    Form form = form();
    assertThat(form.selects()).containsExactlyInAnyOrder("credentialsId", "onFlagged", "onError",
        "onNoSpeech", "onEmpty", "videoScoring", "intakeMode");
    for (String select : form.selects()) {
      assertThat(Arrays.stream(DESCRIPTOR.getMethods())
          .anyMatch(m -> m.getName().equals("doFill" + capitalized(select) + "Items")))
          .as("doFill%sItems", capitalized(select)).isTrue();
    }
  }

  @Test
  void everyCheckMethodNamesAFormField() throws Exception {
    Set<String> fields = form().fields();
    for (Method m : DESCRIPTOR.getMethods()) {
      if (m.getName().startsWith("doCheck")
          && m.getDeclaringClass().getPackageName().equals(STEP.getPackageName())) {
        String field = Character.toLowerCase(m.getName().charAt(7)) + m.getName().substring(8);
        assertThat(fields).as(m.getName()).contains(field);
      }
    }
  }

  @Test
  void everyFieldTypedInIsChecked() throws Exception {
    List<String> unchecked = new ArrayList<>();
    for (String field : form().typed()) {
      if (Arrays.stream(DESCRIPTOR.getMethods())
          .noneMatch(m -> m.getName().equals("doCheck" + capitalized(field)))) {
        unchecked.add(field);
      }
    }

    assertThat(form().typed()).contains("timeout", "maxBytesPerBatch", "callbackUrl");
    assertThat(unchecked).isEmpty();
  }

  @Test
  void theOldNamesAreDeprecatedSettersWithGettersButNoFormField() throws Exception {
    Set<String> old = setterNames(true);

    assertThat(old).containsExactlyInAnyOrder("timeoutMinutes", "retryBudgetSeconds",
        "reportsDir", "cacheDir", "waivers");
    for (String name : old) {
      // The Snippet Generator inspects every parameter, deprecated ones too, through its getter.
      Method getter = STEP.getMethod("get" + capitalized(name));
      assertThat(getter.isAnnotationPresent(Deprecated.class)).as(getter.getName()).isTrue();
    }
    assertThat(form().fields()).doesNotContainAnyElementsOf(old);
  }

  @Test
  void typedFieldsShowTheirDefaultAsAPlaceholderAndPrefillNothing() throws Exception {
    try (InputStream in = STEP.getResourceAsStream(RESOURCES + "config.jelly")) {
      String jelly = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(jelly).doesNotContain("<f:number").doesNotContain("<f:textbox default=");
    }
  }

  @Test
  void everyDefaultInTheFormIsTheCataloguesDefaultWord() throws Exception {
    Map<String, String> defaults = form().defaults();
    List<String> wrong = new ArrayList<>();
    // The two defaults that are the front end's, not the catalogue's.
    Map<Setting, String> frontEnds = Map.of(
        Setting.REPORTS_DIRECTORY, StepWords.DEFAULT_REPORTS_DIRECTORY,
        Setting.CACHE_DIRECTORY, "~/" + Path.of(System.getProperty("user.home"))
            .relativize(GateConfig.defaultCacheDirectory()).toString().replace('\\', '/'));
    for (Setting s : Setting.values()) {
      String field = StepFields.nameOf(s);
      String expected = frontEnds.getOrDefault(s, s.defaultWord());
      if (defaults.containsKey(field) && !defaults.get(field).equals(expected)) {
        wrong.add(field + "=" + defaults.get(field) + " (default: " + expected + ")");
      }
    }

    assertThat(defaults).containsKeys("threshold", "maxFiles", "timeout", "retryBudget",
        "maxRetries", "formats", "cache", "defaultExcludes", "concurrency", "reportsDirectory",
        "cacheDirectory");
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyFieldAndTheStepHaveHelp() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String field : form().fields()) {
      if (STEP.getResource(RESOURCES + "help-" + field + ".html") == null) {
        missing.add(field);
      }
    }

    assertThat(missing).isEmpty();
    assertThat(STEP.getResource(RESOURCES + "help.html")).isNotNull();
    assertThat(STEP.getResource(
        "/io/github/resemblegate/jenkins/ResembleDetectSummaryStep/help.html")).isNotNull();
    assertThat(STEP.getResource(
        "/io/github/resemblegate/jenkins/ResembleDetectStep/help.html")).isNotNull();
    for (String field : List.of("apiUrl", "credentialsId")) {
      assertThat(STEP.getResource("/io/github/resemblegate/jenkins/ResembleGlobalConfiguration/"
          + "help-" + field + ".html")).as(field).isNotNull();
    }
  }

  @Test
  void everyPageTemplateExistsAndIsWellFormed() throws Exception {
    String base = "/io/github/resemblegate/jenkins/";
    for (String page : List.of(base + "ResembleDetectAction/summary.jelly",
        base + "ResembleDetectAction/index.jelly", base + "ResembleDetectBuilder/config.jelly",
        base + "ResembleGlobalConfiguration/config.jelly",
        base + "ResembleDetectSummaryStep/config.jelly", "/index.jelly")) {
      try (InputStream in = STEP.getResourceAsStream(page)) {
        assertThat(in).as(page).isNotNull();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        assertThat(f.newDocumentBuilder().parse(in).getDocumentElement()).as(page).isNotNull();
      }
    }
  }

  @Test
  void descriptorIsAnExtensionWithThePipelineSymbol() {
    assertThat(DESCRIPTOR.getAnnotation(Extension.class)).isNotNull();
    assertThat(DESCRIPTOR.getAnnotation(Symbol.class).value()).containsExactly("resembleDetect");
    assertThat(ResembleDetectSummaryStep.DescriptorImpl.class.getAnnotation(Extension.class))
        .isNotNull();
    assertThat(Modifier.isStatic(DESCRIPTOR.getModifiers())
        && Modifier.isPublic(DESCRIPTOR.getModifiers())).isTrue();
  }

  @Test
  void credentialMethodsOnlyAnswerPost() throws Exception {
    for (Method m : DESCRIPTOR.getDeclaredMethods()) {
      if (m.getName().contains("CredentialsId")) {
        assertThat(m.isAnnotationPresent(POST.class)).as(m.getName()).isTrue();
      }
    }
    assertThat(DESCRIPTOR.getMethod("doFillCredentialsIdItems", hudson.model.Item.class,
        String.class).isAnnotationPresent(POST.class)).isTrue();
  }

  @Test
  void summaryStepHasABindableConstructor() throws Exception {
    assertThat(ResembleDetectSummaryStep.class.getConstructor()
        .isAnnotationPresent(DataBoundConstructor.class)).isTrue();
  }

  private static boolean hasMethod(String name) {
    try {
      STEP.getMethod(name);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
