package io.github.resemblegate.jenkins.stubs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes, for every annotation marked {@code @Indexed}, the binary names of the classes that use
 * it (on the class or a member) to {@code META-INF/services/annotations/<annotation>}: the index
 * the real annotation-indexer's processor writes and Jenkins reads to find a {@code @Symbol}.
 * Stands in for that processor, whose artifact does not resolve from Maven Central.
 */
@SupportedAnnotationTypes("*")
public final class IndexedProcessor extends AbstractProcessor {

  private static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";

  private final Map<String, Set<String>> uses = new HashMap<>();

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latest();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      uses.forEach(this::write);
      return false;
    }
    for (TypeElement annotation : annotations) {
      if (!isIndexed(annotation)) {
        continue;
      }
      Set<String> names = uses.computeIfAbsent(binaryName(annotation), k -> new TreeSet<>());
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        Element type = e instanceof TypeElement ? e : e.getEnclosingElement();
        if (type instanceof TypeElement t) {
          names.add(binaryName(t));
        }
      }
    }
    return false;
  }

  private boolean isIndexed(TypeElement annotation) {
    return annotation.getAnnotationMirrors().stream().anyMatch(m ->
        binaryName((TypeElement) m.getAnnotationType().asElement()).equals(INDEXED));
  }

  private String binaryName(TypeElement t) {
    return processingEnv.getElementUtils().getBinaryName(t).toString();
  }

  private void write(String annotation, Set<String> names) {
    try {
      FileObject out = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
          "META-INF/services/annotations/" + annotation);
      try (Writer w = out.openWriter(); PrintWriter p = new PrintWriter(w)) {
        names.forEach(p::println);
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString());
    }
  }
}
