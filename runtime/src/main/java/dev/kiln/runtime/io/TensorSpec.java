package dev.kiln.runtime.io;

import java.util.Arrays;

/** One tensor of a state dict: its name, its shape, and where it starts in the parameter array. */
public record TensorSpec(String name, int[] shape, int offset) {
  public TensorSpec {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The number of elements: the product of the shape. */
  public int size() {
    int n = 1;
    for (int d : shape) n *= d;
    return n;
  }

  String shapeText() {
    return Arrays.toString(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t && t.name.equals(name) && Arrays.equals(t.shape, shape) && t.offset == offset;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape) * 17 + offset;
  }

  @Override
  public String toString() {
    return name + shapeText() + "@" + offset;
  }
}
