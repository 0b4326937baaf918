package dev.kiln.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.TypeName;

/**
 * A trainer's array that lives from one step to the next, sized per row of the batch: {@code type} is
 * {@code float[]}, or {@code int[]} for indices.
 *
 * @param perRow the constant holding its values per row
 */
record Workspace(String name, TypeName type, String perRow) {
  static Workspace floats(String name, String perRow) {
    return new Workspace(name, ModelWriter.FLOATS, perRow);
  }

  static Workspace ints(String name, String perRow) {
    return new Workspace(name, ModelWriter.INTS, perRow);
  }

  /** The element type's name in an array creation: {@code float}. */
  TypeName element() {
    return ((ArrayTypeName) type).componentType();
  }
}
