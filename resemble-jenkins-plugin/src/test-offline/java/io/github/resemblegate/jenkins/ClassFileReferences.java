package io.github.resemblegate.jenkins;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a class file's constant pool: the classes it names and the fields and methods it calls,
 * which is exactly what the JVM must find at link time in the real Jenkins.
 */
final class ClassFileReferences {

  /** A field or method reference: owner (dotted class name), name, JVM descriptor. */
  record Member(boolean field, String owner, String name, String descriptor) {}

  final Set<String> classes = new LinkedHashSet<>();
  final List<Member> members = new ArrayList<>();

  private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+);");

  static ClassFileReferences read(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    Object[] pool = new Object[count];
    int[][] refs = new int[count][];
    byte[] tags = new byte[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      tags[i] = (byte) tag;
      switch (tag) {
        case 1 -> pool[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
        case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {in.readUnsignedShort(),
            in.readUnsignedShort()};
        case 15 -> {
          in.readUnsignedByte();
          refs[i] = new int[] {in.readUnsignedShort()};
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    ClassFileReferences result = new ClassFileReferences();
    for (int i = 1; i < count; i++) {
      switch (tags[i]) {
        case 7 -> result.addClass((String) pool[refs[i][0]]);
        case 9, 10, 11 -> {
          String owner = (String) pool[refs[refs[i][0]][0]];
          int[] nameAndType = refs[refs[i][1]];
          String name = (String) pool[nameAndType[0]];
          String descriptor = (String) pool[nameAndType[1]];
          if (!owner.startsWith("[")) {
            result.members.add(new Member(tags[i] == 9, owner.replace('/', '.'), name,
                descriptor));
          }
        }
        case 1 -> {
          // Descriptors and signatures: field types, parameters, annotations.
          Matcher m = TYPE_IN_DESCRIPTOR.matcher((String) pool[i]);
          while (m.find()) {
            result.addClass(m.group(1));
          }
        }
        default -> { }
      }
    }
    return result;
  }

  private void addClass(String internalName) {
    String n = internalName;
    while (n.startsWith("[")) {
      n = n.substring(1);
    }
    if (n.startsWith("L") && n.endsWith(";")) {
      n = n.substring(1, n.length() - 1);
    }
    if (n.length() > 1) {
      classes.add(n.replace('/', '.'));
    }
  }
}
