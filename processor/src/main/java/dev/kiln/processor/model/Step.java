package dev.kiln.processor.model;

import java.util.List;

/** One kind of a member with its shapes resolved and its tensors placed. */
public record Step(LayerKind kind, Shape input, Shape output, List<PlacedTensor> tensors) {
  public Step {
    tensors = List.copyOf(tensors);
  }

  public String describe() {
    return kind.describe(input, output);
  }
}
