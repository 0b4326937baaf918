package dev.kiln.onnx;

/** A value of the graph as the exporters pass it on: its name and the shape of one example ([F] or [C, H, W]). */
record Value(String name, int[] shape) {
  Value {
    shape = shape.clone();
  }

  /** Whether it holds feature maps, [batch, C, H, W], rather than vectors. */
  boolean maps() {
    return shape.length == 3;
  }

  /** Its values per example. */
  int size() {
    int size = 1;
    for (int d : shape) size *= d;
    return size;
  }
}
