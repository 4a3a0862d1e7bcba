package io.github.resemblegate.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming XML writer for the JUnit report: elements, attributes and text, escaped as
 * StAX escapes them. StAX itself costs a service look-up and a few dozen parser classes in a fresh
 * build JVM (about 30 ms), for a format this simple. Text must already be XML 1.0 clean
 * ({@link XmlText}); element and attribute names are the writer's own constants.
 */
final class XmlOut {

  private final Writer out;
  private final Deque<String> open = new ArrayDeque<>();
  /** A start tag still waiting for its {@code >}: attributes may follow. */
  private boolean inTag;
  private boolean emptyTag;

  XmlOut(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  void startDocument() throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }

  void start(String name) throws IOException {
    closeTag();
    out.write('<');
    out.write(name);
    open.push(name);
    inTag = true;
  }

  /** An element without content; attributes may follow. */
  void empty(String name) throws IOException {
    closeTag();
    out.write('<');
    out.write(name);
    inTag = true;
    emptyTag = true;
  }

  void attribute(String name, String value) throws IOException {
    if (!inTag) {
      throw new IllegalStateException("an attribute outside a start tag: " + name);
    }
    out.write(' ');
    out.write(name);
    out.write("=\"");
    escape(value, true);
    out.write('"');
  }

  void text(String text) throws IOException {
    closeTag();
    escape(text, false);
  }

  void end() throws IOException {
    closeTag();
    out.write("</");
    out.write(open.pop());
    out.write('>');
  }

  /** Flushes what was written; the stream stays open. */
  void flush() throws IOException {
    closeTag();
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    out.flush();
  }

  private void closeTag() throws IOException {
    if (inTag) {
      out.write(emptyTag ? "/>" : ">");
      inTag = false;
      emptyTag = false;
    }
  }

  private void escape(String s, boolean attribute) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.write("&amp;");
        case '<' -> out.write("&lt;");
        case '>' -> out.write("&gt;");
        case '"' -> out.write(attribute ? "&quot;" : "\"");
        default -> out.write(c);
      }
    }
  }
}
