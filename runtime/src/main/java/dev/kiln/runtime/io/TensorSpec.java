package dev.kiln.runtime.io;

import java.util.Arrays;

/**
 * One tensor of a state dict: its name, its shape, where it starts in the model's array for its kind,
 * its element type, and whether the optimizer trains it (a parameter) or not (a buffer, such as a
 * norm's running mean or the I64 {@code num_batches_tracked}).
 */
public record TensorSpec(String name, int[] shape, int offset, DType dtype, boolean trainable) {
  /** The element types a state dict holds, by their safetensors names. */
  public enum DType { F32, I64 }

  public TensorSpec {
    shape = shape.clone();
  }

  /** A trainable F32 tensor: a parameter. */
  public TensorSpec(String name, int[] shape, int offset) {
    this(name, shape, offset, DType.F32, true);
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The number of elements: the product of the shape. */
  public int size() {
    int n = 1;
    for (int d : shape) n = Math.multiplyExact(n, d);
    return n;
  }

  String shapeText() {
    return Arrays.toString(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t && t.name.equals(name) && Arrays.equals(t.shape, shape) && t.offset == offset
        && t.dtype == dtype && t.trainable == trainable;
  }

  @Override
  public int hashCode() {
    return ((name.hashCode() * 31 + Arrays.hashCode(shape)) * 17 + offset) * 3 + dtype.hashCode()
        + (trainable ? 1 : 0);
  }

  @Override
  public String toString() {
    return name + shapeText() + "@" + offset + (trainable ? "" : " (" + dtype + " buffer)");
  }
}
