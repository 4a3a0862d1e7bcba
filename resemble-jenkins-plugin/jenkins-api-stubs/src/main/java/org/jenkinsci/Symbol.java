package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Stub: the short name of an extension in Pipeline, Configuration as Code and other DSLs, unique
 * within its extension point (read from jenkinsci/lib-symbol-annotation, symbol-annotation 1.24).
 * {@code @Indexed}, as the real one, so javac lists its uses for {@code SymbolLookup}.
 */
@Indexed
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Documented
public @interface Symbol {
  String[] value();
}
